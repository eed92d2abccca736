package io.gridpbx.core.media.sdp;

import java.util.Optional;

/**
 * The direction attributes of RFC 8866 section 6.7 as RFC 3264 section 5.1 uses them; a hold is
 * {@link #SENDONLY} or {@link #INACTIVE} (RFC 3264 section 8.4).
 */
public enum MediaDirection {
    SENDRECV, SENDONLY, RECVONLY, INACTIVE;

    /** The attribute name, {@code sendonly} for {@link #SENDONLY}. */
    public String attribute() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The direction a line states, if it is a direction attribute. */
    public static Optional<MediaDirection> of(SdpLine line) {
        if (line.type() != 'a') {
            return Optional.empty();
        }
        for (MediaDirection direction : values()) {
            if (line.value().equals(direction.attribute())) {
                return Optional.of(direction);
            }
        }
        return Optional.empty();
    }

    /** Whether a stream in this direction is held by the side that wrote it (it does not want to receive). */
    public boolean holds() {
        return this == SENDONLY || this == INACTIVE;
    }
}
