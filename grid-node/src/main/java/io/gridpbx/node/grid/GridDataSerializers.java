package io.gridpbx.node.grid;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/** Creates the grid's entry processors on deserialization: no reflection, no Java serialization. */
public final class GridDataSerializers implements DataSerializableFactory {

    public static final int FACTORY_ID = 7700;
    static final int REGISTER = 1;
    static final int STORE_BINDINGS = 2;
    static final int LOOKUP = 3;
    static final int BACKLOG_PROBE = 4;
    static final int REFRESH_TARGETS = 5;
    static final int DIALLED_WITH_PREFIX = 6;
    // Digest nonce-counts: ids from 20 up, apart from the registrar's.
    static final int ADVANCE_NONCE_COUNT = 20;
    static final int STORE_NONCE_USE = 21;
    // Call slots of the call limits.
    static final int TAKE_SLOT = 30;
    static final int RELEASE_SLOT = 31;
    static final int STORE_SLOTS = 32;
    static final int TAKE_CALL_RATE = 33;
    static final int STORE_CALL_RATE = 34;
    static final int END_CALL = 35;
    static final int ADD_HOLDING_KEY = 36;
    static final int REMOVE_HOLDING_KEY = 37;
    // Balances, and CDRs written once per Call-ID.
    static final int APPLY_TO_BALANCE = 40;
    static final int STORE_BALANCE = 41;
    static final int RECORD_CDR_ONCE = 42;
    // The presence server: subscriptions, publications, the calls of watched users.
    static final int REFRESH_SUBSCRIPTION = 50;
    static final int NEXT_NOTIFY = 51;
    static final int STORE_SUBSCRIPTION = 52;
    static final int PUBLISH = 53;
    static final int STORE_PUBLICATIONS = 54;
    static final int CHANGE_CALL_STATE = 55;
    static final int STORE_USER_CALLS = 56;
    // XCAP documents: from 60 up, apart from the presence server's.
    static final int WRITE_XCAP_DOCUMENT = 60;
    static final int STORE_XCAP_DOCUMENT = 61;

    @Override
    public IdentifiedDataSerializable create(int classId) {
        return switch (classId) {
            case REGISTER -> new RegisterProcessor();
            case STORE_BINDINGS -> new StoreBindingsProcessor<>();
            case LOOKUP -> new LookupProcessor();
            case BACKLOG_PROBE -> new WriteBehindBacklog.Probe();
            case REFRESH_TARGETS -> new RefreshTargetsProcessor();
            case DIALLED_WITH_PREFIX -> new DialledWithPrefixAggregator();
            case ADVANCE_NONCE_COUNT -> new AdvanceNonceCountProcessor();
            case STORE_NONCE_USE -> new AdvanceNonceCountProcessor.StoreNonceUseProcessor();
            case TAKE_SLOT -> new SlotProcessors.Take();
            case RELEASE_SLOT -> new SlotProcessors.Release();
            case STORE_SLOTS -> new SlotProcessors.Store();
            case TAKE_CALL_RATE -> new HazelcastCallRates.Take();
            case STORE_CALL_RATE -> new HazelcastCallRates.Store();
            case END_CALL -> new ClusterCallHangup.EndCall();
            case ADD_HOLDING_KEY -> new HoldingProcessors.AddKey();
            case REMOVE_HOLDING_KEY -> new HoldingProcessors.RemoveKey();
            case APPLY_TO_BALANCE -> new BalanceProcessors.Apply();
            case STORE_BALANCE -> new BalanceProcessors.Store();
            case RECORD_CDR_ONCE -> new RecordCdrOnceProcessor();
            case REFRESH_SUBSCRIPTION -> new SubscriptionProcessors.Refresh();
            case NEXT_NOTIFY -> new SubscriptionProcessors.NextNotify();
            case STORE_SUBSCRIPTION -> new SubscriptionProcessors.Store();
            case PUBLISH -> new PublishProcessor();
            case STORE_PUBLICATIONS -> new PublishProcessor.Store();
            case CHANGE_CALL_STATE -> new CallStateProcessors.Change();
            case STORE_USER_CALLS -> new CallStateProcessors.Store();
            case WRITE_XCAP_DOCUMENT -> new XcapProcessors.Write();
            case STORE_XCAP_DOCUMENT -> new XcapProcessors.Store();
            default -> throw new IllegalArgumentException("unknown GridPBX class id " + classId);
        };
    }
}
