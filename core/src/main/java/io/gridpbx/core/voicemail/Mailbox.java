package io.gridpbx.core.voicemail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The messages left for one user, newest first, at most {@link #MAX_MESSAGES} (the limit
 * Asterisk's app_voicemail applies by default). A mailbox is a value: every change returns a new one.
 */
public record Mailbox(List<VoicemailMessage> messages) {

    public static final int MAX_MESSAGES = 100;

    // Before EMPTY, which sorts with it.
    private static final Comparator<VoicemailMessage> NEWEST_FIRST =
            Comparator.comparing(VoicemailMessage::receivedAt).reversed().thenComparing(VoicemailMessage::id);

    public static final Mailbox EMPTY = new Mailbox(List.of());

    public Mailbox {
        if (messages.size() > MAX_MESSAGES) {
            throw new IllegalArgumentException("a mailbox holds at most " + MAX_MESSAGES + " messages");
        }
        messages = messages.stream().sorted(NEWEST_FIRST).toList();
        if (messages.stream().map(VoicemailMessage::id).distinct().count() != messages.size()) {
            throw new IllegalArgumentException("two messages with one id");
        }
    }

    /** How many messages a mailbox holds, and how many of them its owner has not heard yet. */
    public record Count(int unheard, int total) {

        public static final Count NONE = new Count(0, 0);
    }

    public Count count() {
        return new Count((int) messages.stream().filter(m -> !m.heard()).count(), messages.size());
    }

    public boolean isFull() {
        return messages.size() >= MAX_MESSAGES;
    }

    public Optional<VoicemailMessage> find(String id) {
        return messages.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    public Mailbox with(VoicemailMessage message) {
        List<VoicemailMessage> more = new ArrayList<>(without(message.id()).messages);
        more.add(message);
        return new Mailbox(more);
    }

    public Mailbox without(String id) {
        return new Mailbox(messages.stream().filter(m -> !m.id().equals(id)).toList());
    }

    public Mailbox heard(String id) {
        return new Mailbox(messages.stream().map(m -> m.id().equals(id) ? m.asHeard() : m).toList());
    }
}
