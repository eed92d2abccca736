package io.gridpbx.core.voicemail;

import io.gridpbx.core.location.AddressOfRecord;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** Mailboxes and recordings in plain maps, for tests of the services above them. */
public final class InMemoryVoicemailStore implements VoicemailStore {

    private final Map<AddressOfRecord, Mailbox> mailboxes = new ConcurrentHashMap<>();
    private final Map<String, Recording> recordings = new ConcurrentHashMap<>();

    @Override
    public Mailbox mailbox(AddressOfRecord user) {
        return mailboxes.getOrDefault(user, Mailbox.EMPTY);
    }

    @Override
    public Map<AddressOfRecord, Mailbox> mailboxes(Collection<AddressOfRecord> users) {
        Map<AddressOfRecord, Mailbox> found = new HashMap<>();
        users.forEach(u -> {
            Mailbox mailbox = mailboxes.get(u);
            if (mailbox != null) {
                found.put(u, mailbox);
            }
        });
        return found;
    }

    @Override
    public Mailbox update(AddressOfRecord user, UnaryOperator<Mailbox> change) {
        Mailbox changed = mailboxes.compute(user, (key, old) -> {
            Mailbox next = change.apply(old == null ? Mailbox.EMPTY : old);
            return next.messages().isEmpty() ? null : next;
        });
        return changed == null ? Mailbox.EMPTY : changed;
    }

    @Override
    public Optional<Recording> recording(String messageId) {
        return Optional.ofNullable(recordings.get(messageId));
    }

    @Override
    public void saveRecording(String messageId, Recording recording) {
        recordings.put(messageId, recording);
    }

    @Override
    public void deleteRecording(String messageId) {
        recordings.remove(messageId);
    }

    public int recordingCount() {
        return recordings.size();
    }
}
