package io.gridpbx.core.routing;

import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.location.BindingStore;
import io.gridpbx.core.tenancy.SipCredentials;
import io.gridpbx.core.tenancy.TenantDirectory;
import io.gridpbx.core.tenancy.User;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Decides where a call between users of one client goes: the caller may only reach its own client
 * domain, the callee must exist, and its settings (do-not-disturb) and live contacts decide the
 * rest. The directory read is local; the contacts cost one grid round trip, which the answer waits
 * for asynchronously.
 */
public final class CallRouter {

    private final TenantDirectory directory;
    private final BindingStore bindings;

    public CallRouter(TenantDirectory directory, BindingStore bindings) {
        this.directory = directory;
        this.bindings = bindings;
    }

    public CompletionStage<CalleeResolution> resolve(SipCredentials caller, AddressOfRecord callee) {
        if (!caller.owner().domain().equals(callee.domain())) {
            // Another client's users are reached through its DIDs, from the PSTN, never directly.
            return refused(403, "Callee Not In Your Domain");
        }
        return resolveUser(callee);
    }

    /** Where a call to a user goes whoever calls: a carrier's call to a DID, once the DID named the user. */
    public CompletionStage<CalleeResolution> resolveUser(AddressOfRecord callee) {
        Optional<User> user = directory.user(callee);
        if (user.isEmpty()) {
            return refused(404, "Not Found");
        }
        if (user.get().callSettings().doNotDisturb()) {
            return refused(486, "Do Not Disturb");
        }
        return bindings.lookup(callee).thenApply(contacts -> contacts.isEmpty()
                ? new CalleeResolution.Refused(480, "Temporarily Unavailable")
                : new CalleeResolution.Contacts(user.get(), contacts));
    }

    private static CompletionStage<CalleeResolution> refused(int status, String reason) {
        return CompletableFuture.completedFuture(new CalleeResolution.Refused(status, reason));
    }
}
