package io.gridpbx.node.grid;

import static com.hazelcast.test.HazelcastTestSupport.assertClusterSizeEventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import com.hazelcast.query.Predicates;
import com.hazelcast.test.Accessors;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridpbx.core.dialog.CallFacts;
import io.gridpbx.core.dialog.Cdr;
import io.gridpbx.core.dialog.CdrLeg;
import io.gridpbx.core.dialog.Charge;
import io.gridpbx.core.dialog.Dialog;
import io.gridpbx.core.dialog.DialogId;
import io.gridpbx.core.dialog.DialogTarget;
import io.gridpbx.core.dialog.Direction;
import io.gridpbx.core.location.AddressOfRecord;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Dialogs and CDRs cross the grid with their facts, their end and their charge; what a member of the
 * version before wrote (no such fields) is read as a dialog without facts and an answered internal call.
 */
@Timeout(120)
class CallSerializersTest {

    private static final String CLIENT = "office.demo.gridpbx.test";
    private static final AddressOfRecord CALLER = new AddressOfRecord("200", CLIENT);
    private static final AddressOfRecord DIALLED = new AddressOfRecord("9011442079460000", CLIENT);
    private static final CallFacts OUTBOUND = new CallFacts(Direction.OUTBOUND, "9011442079460000", "442079460000",
            "gw-b", 1_000, CLIENT, List.of(CdrLeg.gateway("gw-a", 503, "Service Unavailable"),
                    CdrLeg.gateway("gw-b", 200, "OK")));
    private static final Dialog DIALOG = new Dialog(new DialogId("call-1", "from-tag", "to-tag"), CALLER, DIALLED,
            5_000, "10.0.0.1:5060", new DialogTarget("sip:200@10.0.0.7:5062", List.of()),
            new DialogTarget("sip:442079460000@carrier.test", List.of("sip:10.0.0.1;lr")), OUTBOUND, 65_000, 1);
    private static final Cdr RATED = new Cdr("call-1", CLIENT, CALLER, DIALLED, 1_000, 5_000, 64_500, Cdr.ANSWERED,
            "10.0.0.1:5060", 200, OUTBOUND, new Charge(12_000, 10_200, "4420"));

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(2);

    @AfterEach
    void shutdown() {
        factory.shutdownAll();
    }

    @Test
    void aDialogWithFactsAndEnd_andARatedCdrWithLegs_comeBackEqual() {
        SerializationService serialization = Accessors.getSerializationService(
                factory.newHazelcastInstance(GridMemberConfig.grid("call-serializers-test")));
        Dialog internal = new Dialog(new DialogId("call-2", "a", "b"), CALLER, new AddressOfRecord("201", CLIENT),
                5_000, "10.0.0.1:5060");
        Cdr unanswered = Cdr.unanswered("call-3", CLIENT, CALLER, DIALLED, 9_000, "10.0.0.1:5060", 486,
                OUTBOUND.withLeg(CdrLeg.forward("sip:300@" + CLIENT, "busy")));

        assertThat((Dialog) serialization.toObject(serialization.toData(DIALOG))).isEqualTo(DIALOG);
        assertThat((Dialog) serialization.toObject(serialization.toData(internal))).isEqualTo(internal);
        assertThat((Cdr) serialization.toObject(serialization.toData(RATED))).isEqualTo(RATED);
        assertThat((Cdr) serialization.toObject(serialization.toData(unanswered))).isEqualTo(unanswered);
    }

    @Test
    void dialogsAndCdrsWrittenByAMemberThatKnowsNoFacts_areReadAsBefore() {
        HazelcastInstance before = factory.newHazelcastInstance(config(new DialogBeforeFacts(), new CdrBeforeFacts()));
        HazelcastInstance now = factory.newHazelcastInstance(config(new CallSerializers.DialogSerializer(),
                new CallSerializers.CdrSerializer(), new CallSerializers.CdrLegSerializer()));
        assertClusterSizeEventually(2, before, now);

        before.getMap("dialogs").put("call-1", DIALOG);
        before.getMap("cdrs").put("call-1", RATED);

        assertThat(now.getMap("dialogs").get("call-1")).isEqualTo(new Dialog(DIALOG.id(), CALLER, DIALLED, 5_000,
                "10.0.0.1:5060", DIALOG.callerTarget(), DIALOG.calleeTarget()));
        assertThat(now.getMap("cdrs").get("call-1")).as("an answered internal call of its client, unrated")
                .isEqualTo(new Cdr("call-1", CLIENT, CALLER, DIALLED, 1_000, 5_000, 64_500, Cdr.ANSWERED, "10.0.0.1:5060"));
    }

    @Test
    void theStoresQueriesStillName_theirFields_andTheFactsCanBeQueried() {
        HazelcastInstance member = factory.newHazelcastInstance(GridMemberConfig.grid("call-serializers-test"));
        IMap<String, Cdr> cdrs = member.getMap(MapNames.CDRS);
        IMap<String, Dialog> dialogs = member.getMap(MapNames.DIALOGS);
        cdrs.set(RATED.callId(), RATED);
        cdrs.set("internal", new Cdr("internal", CLIENT, CALLER, new AddressOfRecord("201", CLIENT), 2_000, 3_000,
                4_000, Cdr.ANSWERED, "10.0.0.1:5060"));
        dialogs.set(DIALOG.id().key(), DIALOG);

        assertThat(new HazelcastCdrStore(member).within("demo.gridpbx.test", 0, 10_000)).hasSize(2);
        assertThat(cdrs.keySet(Predicates.equal("direction", "OUTBOUND"))).containsExactly(RATED.callId());
        assertThat(cdrs.keySet(Predicates.equal("chargedClient", CLIENT))).hasSize(2);
        assertThat(dialogs.keySet(Predicates.and(Predicates.equal("node", "10.0.0.1:5060"),
                Predicates.equal("direction", "OUTBOUND"), Predicates.like("caller", "%" + CLIENT)))).hasSize(1);
    }

    private static Config config(CompactSerializer<?>... serializers) {
        Config config = new Config().setClusterName("call-serializers-compat-test");
        for (CompactSerializer<?> serializer : serializers) {
            config.getSerializationConfig().getCompactSerializationConfig().addSerializer(serializer);
        }
        return config;
    }

    /** The dialog serializer as it was before facts: the same type name, no facts and no end. */
    private static final class DialogBeforeFacts extends WriteOnly<Dialog> {
        DialogBeforeFacts() {
            super("gridpbx.Dialog", Dialog.class);
        }

        @Override
        public void write(CompactWriter out, Dialog d) {
            out.writeString("callId", d.id().callId());
            out.writeString("fromTag", d.id().fromTag());
            out.writeString("toTag", d.id().toTag());
            out.writeString("caller", d.caller().toString());
            out.writeString("callee", d.callee().toString());
            out.writeInt64("startedAt", d.startedAtMillis());
            out.writeString("node", d.nodeId());
            out.writeString("callerContact", d.callerTarget().contact());
            out.writeArrayOfString("callerRoute", d.callerTarget().route().toArray(String[]::new));
            out.writeString("calleeContact", d.calleeTarget().contact());
            out.writeArrayOfString("calleeRoute", d.calleeTarget().route().toArray(String[]::new));
        }
    }

    /** The CDR serializer as it was before facts: the same type name, the parties and times only. */
    private static final class CdrBeforeFacts extends WriteOnly<Cdr> {
        CdrBeforeFacts() {
            super("gridpbx.Cdr", Cdr.class);
        }

        @Override
        public void write(CompactWriter out, Cdr c) {
            out.writeString("callId", c.callId());
            out.writeString("clientDomain", c.clientDomain());
            out.writeString("caller", c.caller().toString());
            out.writeString("callee", c.callee().toString());
            out.writeInt64("startedAt", c.startedAtMillis());
            out.writeInt64("answeredAt", c.answeredAtMillis());
            out.writeInt64("endedAt", c.endedAtMillis());
            out.writeString("disposition", c.disposition());
            out.writeString("node", c.nodeId());
        }
    }

    private abstract static class WriteOnly<T> implements CompactSerializer<T> {
        private final String name;
        private final Class<T> type;

        WriteOnly(String name, Class<T> type) {
            this.name = name;
            this.type = type;
        }

        @Override
        public T read(CompactReader in) {
            throw new UnsupportedOperationException("this member only writes");
        }

        @Override
        public String getTypeName() {
            return name;
        }

        @Override
        public Class<T> getCompactClass() {
            return type;
        }
    }
}
