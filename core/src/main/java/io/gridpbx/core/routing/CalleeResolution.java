package io.gridpbx.core.routing;

import io.gridpbx.core.location.Binding;
import io.gridpbx.core.tenancy.User;
import java.util.List;

/** Where a call to a user goes, or why it goes nowhere, with the SIP status that says so. */
public sealed interface CalleeResolution {

    /** Fork to these contacts, most preferred first. */
    record Contacts(User callee, List<Binding> contacts) implements CalleeResolution {
        public Contacts {
            contacts = List.copyOf(contacts);
        }
    }

    /** The call ends here with a final response. */
    record Refused(int status, String reason) implements CalleeResolution {
    }
}
