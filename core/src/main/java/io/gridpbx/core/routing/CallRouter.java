package io.gridpbx.core.routing;

import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.location.Binding;
import io.gridpbx.core.location.BindingStore;
import io.gridpbx.core.tenancy.SipCredentials;
import io.gridpbx.core.tenancy.TenantDirectory;
import io.gridpbx.core.tenancy.User;
import java.util.List;
import java.util.Optional;

/**
 * Decides where a call between users of one client goes: the caller may only reach its own client
 * domain, the callee must exist, and its settings (do-not-disturb) and live contacts decide the
 * rest. The directory read is local; the contacts cost one grid round trip.
 */
public final class CallRouter {

    private final TenantDirectory directory;
    private final BindingStore bindings;

    public CallRouter(TenantDirectory directory, BindingStore bindings) {
        this.directory = directory;
        this.bindings = bindings;
    }

    public CalleeResolution resolve(SipCredentials caller, AddressOfRecord callee) {
        if (!caller.owner().domain().equals(callee.domain())) {
            // Routes and DIDs between tenants come with PSTN trunking; until then a domain is closed.
            return new CalleeResolution.Refused(403, "Callee Not In Your Domain");
        }
        Optional<User> user = directory.user(callee);
        if (user.isEmpty()) {
            return new CalleeResolution.Refused(404, "Not Found");
        }
        if (user.get().callSettings().doNotDisturb()) {
            return new CalleeResolution.Refused(486, "Do Not Disturb");
        }
        List<Binding> contacts = bindings.lookup(callee);
        if (contacts.isEmpty()) {
            return new CalleeResolution.Refused(480, "Temporarily Unavailable");
        }
        return new CalleeResolution.Contacts(user.get(), contacts);
    }
}
