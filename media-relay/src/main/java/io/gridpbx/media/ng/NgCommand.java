package io.gridpbx.media.ng;

import java.util.Locale;
import java.util.Optional;

/** The ng commands this relay answers; rtpengine knows more (publish, subscribe, play media...). */
enum NgCommand {
    PING,
    OFFER,
    ANSWER,
    DELETE,
    QUERY;

    /** The command named in a request's {@code command} key, if it is one of these. */
    static Optional<NgCommand> of(String name) {
        for (NgCommand command : values()) {
            if (command.name().toLowerCase(Locale.ROOT).equals(name)) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }
}
