package io.gridpbx.core.presence;

import io.gridpbx.core.location.Binding;
import io.gridpbx.core.tenancy.User;
import java.util.List;

/** Where a directed pickup goes: to the caller of the ringing call, or refused. */
public sealed interface PickupOutcome {

    /** The caller's device (or devices) that placed the ringing call: the INVITE with Replaces goes there. */
    record Caller(User caller, List<Binding> contacts) implements PickupOutcome {
        public Caller {
            contacts = List.copyOf(contacts);
        }
    }

    /** 403 (outside the client), 481 (no such ringing call), 488 (a caller that cannot take it), 480 (unreachable). */
    record Refused(int status, String reason) implements PickupOutcome {
    }
}
