package io.gridpbx.node.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.presence.MailboxCounts;
import io.gridpbx.core.voicemail.Mailbox;
import java.util.concurrent.CompletionStage;

/** Message-waiting counts read from the {@code voicemail.mailboxes} map without blocking, within the node's deadline. */
public final class HazelcastMailboxCounts implements MailboxCounts {

    private final IMap<String, Mailbox> mailboxes;
    private final GridDeadline deadline;

    public HazelcastMailboxCounts(HazelcastInstance grid, GridDeadline deadline) {
        this.mailboxes = grid.getMap(MapNames.VOICEMAIL_MAILBOXES);
        this.deadline = deadline;
    }

    @Override
    public CompletionStage<Mailbox.Count> countOf(AddressOfRecord user) {
        String key = user.toString();
        return deadline.bound(mailboxes.getAsync(key), "mailbox", key)
                .thenApply(mailbox -> mailbox == null ? Mailbox.Count.NONE : mailbox.count());
    }
}
