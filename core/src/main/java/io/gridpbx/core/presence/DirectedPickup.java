package io.gridpbx.core.presence;

import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.location.Binding;
import io.gridpbx.core.location.BindingStore;
import io.gridpbx.core.presence.body.DialogState;
import io.gridpbx.core.tenancy.TenantDirectory;
import io.gridpbx.core.tenancy.User;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * Directed call pickup through a busy lamp, the way proxy-based platforms do it: the picking phone
 * read the ringing call's Call-ID and tags from its dialog-info NOTIFY (RFC 4235) and sends an INVITE
 * with Replaces (RFC 3891) to the ringing user; the proxy sends it to the caller of that early
 * dialog, wherever the call runs, because only the UA that initiated an early dialog may accept its
 * replacement (RFC 3891 section 3). The caller's phone then connects to the picker and cancels its
 * first INVITE, which stops the ringing.
 *
 * <p>Only within a client: the picker and the ringing user share its domain. The call is found in
 * the states recorded for the ringing user's busy-lamp watchers, so a call nobody watches cannot be
 * picked up this way (the picker's phone would not know its tags anyway).
 */
final class DirectedPickup {

    /** How long a stand-in binding for a caller's unregistered Contact lives: the pickup's set-up. */
    private static final long STAND_IN_MILLIS = 60_000;

    private final CallStateStore calls;
    private final BindingStore bindings;
    private final TenantDirectory directory;
    private final Clock clock;

    DirectedPickup(CallStateStore calls, BindingStore bindings, TenantDirectory directory, Clock clock) {
        this.calls = calls;
        this.bindings = bindings;
        this.directory = directory;
        this.clock = clock;
    }

    CompletionStage<PickupOutcome> locate(AddressOfRecord picker, AddressOfRecord dialled, Replaces replaces) {
        if (!picker.domain().equals(dialled.domain())) {
            return refused(403, "Pickup Only Within The Client");
        }
        return calls.callsOf(dialled).thenCompose(userCalls -> {
            Optional<CallState> ringing = userCalls.shownAt(clock.millis()).stream()
                    .filter(call -> call.state() == DialogState.State.EARLY)
                    .filter(call -> call.localTag() == null || call.remoteTag() == null
                            ? call.callId().equals(replaces.callId())
                            : replaces.names(call.callId(), call.localTag(), call.remoteTag()))
                    .findFirst();
            if (ringing.isEmpty()) {
                return refused(481, "No Ringing Call To Pick Up");
            }
            CallState call = ringing.get();
            boolean dialledIsCallee = call.direction() == DialogState.Direction.RECIPIENT;
            AddressOfRecord caller = dialledIsCallee ? aorOf(call.remoteIdentity()) : dialled;
            Optional<User> callerUser = caller == null ? Optional.empty() : directory.user(caller);
            if (callerUser.isEmpty() || !callerUser.get().addressOfRecord().domain().equals(picker.domain())) {
                return refused(488, "Caller Cannot Take The Pickup");
            }
            String callerContact = dialledIsCallee ? call.remoteTarget() : null;
            return bindings.lookup(caller).thenApply(found -> target(callerUser.get(), found, callerContact));
        });
    }

    /** The caller's binding with the Contact that placed the call, else a stand-in for it, else all its bindings. */
    private PickupOutcome target(User caller, List<Binding> registered, @Nullable String callerContact) {
        if (callerContact != null) {
            List<Binding> same = registered.stream().filter(b -> b.contactUri().equals(callerContact)).toList();
            if (!same.isEmpty()) {
                return new PickupOutcome.Caller(caller, same);
            }
            long now = clock.millis();
            return new PickupOutcome.Caller(caller, List.of(new Binding(callerContact, now + STAND_IN_MILLIS,
                    Binding.DEFAULT_Q, "pickup", 0, "", "pickup", null, now)));
        }
        return registered.isEmpty() ? new PickupOutcome.Refused(480, "Caller Not Reachable")
                : new PickupOutcome.Caller(caller, registered);
    }

    private static @Nullable AddressOfRecord aorOf(@Nullable String identity) {
        return identity == null ? null : ListStates.aorOf(identity);
    }

    private static CompletionStage<PickupOutcome> refused(int status, String reason) {
        return CompletableFuture.completedFuture(new PickupOutcome.Refused(status, reason));
    }
}
