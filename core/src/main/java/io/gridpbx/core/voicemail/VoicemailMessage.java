package io.gridpbx.core.voicemail;

import java.time.Instant;
import java.util.Objects;

/**
 * One message in a mailbox: who left it, when, how long it lasts and whether its owner has heard it.
 * Its recording is kept apart, under the same {@link #id()}.
 *
 * @param caller  who left it, as the caller showed itself (a number, a SIP URI or a name)
 * @param seconds the recording's length, read from the recording itself
 */
public record VoicemailMessage(String id, String caller, Instant receivedAt, int seconds, boolean heard) {

    public VoicemailMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a message has an id");
        }
        if (seconds < 0) {
            throw new IllegalArgumentException("a message lasts zero seconds or more, not " + seconds);
        }
    }

    public VoicemailMessage asHeard() {
        return heard ? this : new VoicemailMessage(id, caller, receivedAt, seconds, true);
    }
}
