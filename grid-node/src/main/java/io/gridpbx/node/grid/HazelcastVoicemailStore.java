package io.gridpbx.node.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.voicemail.Mailbox;
import io.gridpbx.core.voicemail.Recording;
import io.gridpbx.core.voicemail.VoicemailStore;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Mailboxes and recordings in two maps written behind to the database where one is configured. A
 * mailbox changes under the map's cluster-wide lock of its key, so a message left on one node while
 * its owner deletes another on a second node keeps both changes.
 */
public final class HazelcastVoicemailStore implements VoicemailStore {

    private final IMap<String, Mailbox> mailboxes;
    private final IMap<String, Recording> recordings;

    public HazelcastVoicemailStore(HazelcastInstance grid) {
        this.mailboxes = grid.getMap(MapNames.VOICEMAIL_MAILBOXES);
        this.recordings = grid.getMap(MapNames.VOICEMAIL_RECORDINGS);
    }

    @Override
    public Mailbox mailbox(AddressOfRecord user) {
        Mailbox mailbox = mailboxes.get(user.toString());
        return mailbox == null ? Mailbox.EMPTY : mailbox;
    }

    @Override
    public Map<AddressOfRecord, Mailbox> mailboxes(Collection<AddressOfRecord> users) {
        Set<String> keys = users.stream().map(AddressOfRecord::toString).collect(Collectors.toSet());
        Map<AddressOfRecord, Mailbox> found = new HashMap<>();
        mailboxes.getAll(keys).forEach((key, mailbox) -> found.put(AddressOfRecord.parse(key), mailbox));
        return found;
    }

    @Override
    public Mailbox update(AddressOfRecord user, UnaryOperator<Mailbox> change) {
        String key = user.toString();
        mailboxes.lock(key);
        try {
            Mailbox current = mailboxes.get(key);
            Mailbox changed = change.apply(current == null ? Mailbox.EMPTY : current);
            if (changed.messages().isEmpty()) {
                if (current != null) {
                    mailboxes.delete(key);
                }
            } else if (!changed.equals(current)) {
                mailboxes.set(key, changed);
            }
            return changed;
        } finally {
            mailboxes.unlock(key);
        }
    }

    @Override
    public Optional<Recording> recording(String messageId) {
        return Optional.ofNullable(recordings.get(messageId));
    }

    @Override
    public void saveRecording(String messageId, Recording recording) {
        recordings.set(messageId, recording);
    }

    @Override
    public void deleteRecording(String messageId) {
        recordings.delete(messageId);
    }
}
