package io.gridpbx.core.location;

import java.util.List;

/** What applying a REGISTER to a binding set produced: the reply's status and the contacts it lists. */
public sealed interface RegisterOutcome {

    /** 200 OK: the binding set now holds {@code live}, each shown with its remaining seconds. */
    record Accepted(List<Binding> live, long nowMillis) implements RegisterOutcome {
        public Accepted {
            live = List.copyOf(live);
        }
    }

    /** The request was refused; nothing changed. {@code minExpires} is set for 423 only. */
    record Rejected(int status, String reason, int minExpires) implements RegisterOutcome {

        public static Rejected of(int status, String reason) {
            return new Rejected(status, reason, 0);
        }
    }
}
