package io.gridpbx.node.grid;

import static com.hazelcast.test.HazelcastTestSupport.assertTrueEventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridpbx.core.dialog.Cdr;
import io.gridpbx.core.location.AddressOfRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The international-calls alert counts on the members that own the CDRs: per client, only calls
 * dialled with a prefix, only those started in the window, whichever member asks.
 */
class HazelcastCdrStoreTest {

    private static final List<String> INTERNATIONAL = List.of("+", "00");

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(2);

    @AfterEach
    void stopMembers() {
        factory.terminateAll();
    }

    @Test
    void dialledWithPrefixPerClient_countsOnTheMembers_perClient_withinTheWindowOnly() {
        HazelcastInstance first = factory.newHazelcastInstance(GridMemberConfig.grid("cdr-store-test"));
        HazelcastInstance second = factory.newHazelcastInstance(GridMemberConfig.grid("cdr-store-test"));
        HazelcastCdrStore writer = new HazelcastCdrStore(first);
        for (int i = 0; i < 30; i++) {
            writer.record(cdr("a-" + i, "acme.test", "+4420790" + i, 10_000 + i));
        }
        for (int i = 0; i < 5; i++) {
            writer.record(cdr("b-" + i, "bravo.test", "0033140" + i, 20_000 + i));
            writer.record(cdr("b-local-" + i, "bravo.test", "20" + i, 20_000 + i));
        }
        writer.record(cdr("a-late", "acme.test", "+15550100", 99_000));
        writer.record(cdr("a-bare-plus", "acme.test", "+", 10_500));
        HazelcastCdrStore reader = new HazelcastCdrStore(second);

        assertTrueEventually(() -> assertThat(reader.dialledWithPrefixPerClient(INTERNATIONAL, 10_000, 30_000))
                .isEqualTo(Map.of("acme.test", 30L, "bravo.test", 5L)));
        assertThat(reader.dialledWithPrefixPerClient(INTERNATIONAL, 30_000, 100_000)).isEqualTo(Map.of("acme.test", 1L));
        assertThat(reader.dialledWithPrefixPerClient(INTERNATIONAL, 0, 10_000)).isEmpty();
    }

    /** Regression: a record closed twice (a BYE and its dialog's expiry) was overwritten by the second. */
    @Test
    void aCallIdsRecordIsWrittenOnce_theFirstStays() {
        HazelcastInstance first = factory.newHazelcastInstance(GridMemberConfig.grid("cdr-store-test"));
        HazelcastInstance second = factory.newHazelcastInstance(GridMemberConfig.grid("cdr-store-test"));
        Cdr byBye = cdr("twice", "acme.test", "201", 10_000);
        Cdr byExpiry = new Cdr("twice", "acme.test", byBye.caller(), byBye.callee(), 10_000, 11_000, 99_000,
                "DIALOG_TIMEOUT", "node-2");
        IMap<String, Cdr> map = second.getMap(MapNames.CDRS);

        new HazelcastCdrStore(first).record(byBye);
        assertTrueEventually(() -> assertThat(map.get("twice")).isEqualTo(byBye));
        new HazelcastCdrStore(second).record(byExpiry);

        assertThat(map.executeOnKey("twice", new RecordCdrOnceProcessor(byExpiry))).isFalse();
        assertThat(map.get("twice")).isEqualTo(byBye);
    }

    private static Cdr cdr(String callId, String client, String dialled, long startedAt) {
        return new Cdr(callId, client, new AddressOfRecord("200", client), new AddressOfRecord(dialled, client),
                startedAt, startedAt + 1_000, startedAt + 60_000, "answered", "node-1");
    }
}
