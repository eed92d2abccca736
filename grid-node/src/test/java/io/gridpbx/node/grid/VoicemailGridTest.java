package io.gridpbx.node.grid;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.voicemail.Mailbox;
import io.gridpbx.core.voicemail.Recording;
import io.gridpbx.core.voicemail.VoicemailMessage;
import io.gridpbx.core.voicemail.Wavs;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Mailboxes across members: read the same everywhere, and changes from two members at once all kept. */
@Timeout(60)
class VoicemailGridTest {

    private static final AddressOfRecord AOR = new AddressOfRecord("250", "office.demo.gridpbx.test");

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(2);
    private HazelcastVoicemailStore first;
    private HazelcastVoicemailStore second;

    @BeforeEach
    void startMembers() {
        HazelcastInstance a = factory.newHazelcastInstance(GridMemberConfig.grid("voicemail-test"));
        HazelcastInstance b = factory.newHazelcastInstance(GridMemberConfig.grid("voicemail-test"));
        first = new HazelcastVoicemailStore(a);
        second = new HazelcastVoicemailStore(b);
    }

    @AfterEach
    void stopMembers() {
        factory.terminateAll();
    }

    private static VoicemailMessage message(int i) {
        return new VoicemailMessage("m-" + i, "+1514555" + i, Instant.parse("2026-11-26T10:00:00Z").plusSeconds(i),
                i, false);
    }

    @Test
    void aMailboxAndItsRecording_readTheSameOnTheOtherMember() {
        Recording wav = Recording.of(Wavs.pcm(2));
        first.saveRecording("m-1", wav);
        first.update(AOR, mailbox -> mailbox.with(message(1)));

        assertThat(second.mailbox(AOR).messages()).containsExactly(message(1));
        assertThat(second.recording("m-1")).hasValue(wav);
        assertThat(second.mailboxes(List.of(AOR, new AddressOfRecord("251", "office.demo.gridpbx.test"))))
                .containsOnlyKeys(AOR);

        second.update(AOR, mailbox -> mailbox.without("m-1"));
        assertThat(first.mailbox(AOR)).isEqualTo(Mailbox.EMPTY);
    }

    @Test
    void messagesLeftFromTwoMembersAtOnce_areAllKept() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writes = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                HazelcastVoicemailStore store = i % 2 == 0 ? first : second;
                VoicemailMessage m = message(i);
                writes.add(pool.submit(() -> store.update(AOR, mailbox -> mailbox.with(m))));
            }
            for (Future<?> write : writes) {
                write.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(first.mailbox(AOR).messages()).hasSize(40);
        assertThat(second.mailbox(AOR).count()).isEqualTo(new Mailbox.Count(40, 40));
    }
}
