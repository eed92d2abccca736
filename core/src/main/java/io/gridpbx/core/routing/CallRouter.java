package io.gridpbx.core.routing;

import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.location.BindingStore;
import io.gridpbx.core.tenancy.CallSettings;
import io.gridpbx.core.tenancy.Client;
import io.gridpbx.core.tenancy.Platform;
import io.gridpbx.core.tenancy.SipCredentials;
import io.gridpbx.core.tenancy.TenantDirectory;
import io.gridpbx.core.tenancy.User;
import io.gridpbx.core.trunking.OutboundPlan;
import io.gridpbx.core.trunking.OutboundPlanner;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Decides where a call to a user goes: the caller may only reach its own client domain, the callee
 * must exist, and its settings and live contacts decide the rest. A user's call forwarding applies to
 * every call, internal or from a DID: unconditional before anything rings, on busy (do-not-disturb
 * counts as busy) and on no answer (or no phone registered) after. A forward to an extension is
 * resolved the same way, one to a number goes to the PSTN under the forwarding user's profile; the
 * whole chain is resolved before the call rings, at most {@link #MAX_FORWARDS} forwards deep, and a
 * chain that comes back to a user it passed is refused 482. The directory reads are local; each
 * user's contacts cost one grid round trip, which the answer waits for asynchronously.
 */
public final class CallRouter {

    /** Forwards one call may follow: enough for a real chain (desk → mobile → voicemail), short of a storm. */
    public static final int MAX_FORWARDS = 3;
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9().\\s-]{2,24}");
    private static final Pattern SIP_URI = Pattern.compile("sips?:([^@;]+)@([^;>]+).*");

    private final TenantDirectory directory;
    private final BindingStore bindings;
    private final @Nullable OutboundPlanner planner;

    /** A router whose forwards reach extensions only (no PSTN). */
    public CallRouter(TenantDirectory directory, BindingStore bindings) {
        this(directory, bindings, null);
    }

    /** @param planner plans the forwards to numbers; null: such a forward is refused */
    public CallRouter(TenantDirectory directory, BindingStore bindings, @Nullable OutboundPlanner planner) {
        this.directory = directory;
        this.bindings = bindings;
        this.planner = planner;
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
        return resolve(callee, new HashSet<>(), 0);
    }

    private CompletionStage<CalleeResolution> resolve(AddressOfRecord callee, Set<AddressOfRecord> passed, int forwards) {
        Optional<User> found = directory.user(callee);
        if (found.isEmpty()) {
            return refused(404, "Not Found");
        }
        if (!passed.add(callee)) {
            return refused(482, "Call Forwarding Loop");
        }
        User user = found.get();
        CallSettings settings = user.callSettings();
        if (settings.forwardUnconditional() != null) {
            return divert(user, "unconditional", settings.forwardUnconditional(), passed, forwards);
        }
        if (settings.doNotDisturb()) {
            return settings.forwardBusy() != null ? divert(user, "user-busy", settings.forwardBusy(), passed, forwards)
                    : refused(486, "Do Not Disturb");
        }
        return bindings.lookup(callee).thenCompose(contacts -> {
            if (contacts.isEmpty()) {
                return settings.forwardNoAnswer() != null
                        ? divert(user, "unavailable", settings.forwardNoAnswer(), passed, forwards)
                        : refused(480, "Temporarily Unavailable");
            }
            CompletionStage<@Nullable CalleeResolution> onBusy = fallback(user, "user-busy", settings.forwardBusy(),
                    passed, forwards);
            CompletionStage<@Nullable CalleeResolution> onNoAnswer = fallback(user, "no-answer",
                    settings.forwardNoAnswer(), passed, forwards);
            return onBusy.thenCombine(onNoAnswer, (busy, noAnswer) -> new CalleeResolution.Contacts(user, contacts,
                    usable(busy), usable(noAnswer), settings.noAnswerSeconds()));
        });
    }

    /** A forward resolved ahead, in case it is needed; null when none is set. */
    private CompletionStage<@Nullable CalleeResolution> fallback(User user, String reason, @Nullable String target,
            Set<AddressOfRecord> passed, int forwards) {
        if (target == null) {
            return CompletableFuture.completedFuture(null);
        }
        return divert(user, reason, target, new HashSet<>(passed), forwards).thenApply(r -> r);
    }

    /** A fallback that leads nowhere is no fallback: the callee's own answer (busy, no answer) goes back instead. */
    private static CalleeResolution.@Nullable Diverted usable(@Nullable CalleeResolution resolution) {
        return resolution instanceof CalleeResolution.Diverted diverted && !(diverted.to() instanceof CalleeResolution.Refused)
                ? diverted : null;
    }

    private CompletionStage<CalleeResolution> divert(User user, String reason, String target,
            Set<AddressOfRecord> passed, int forwards) {
        if (forwards >= MAX_FORWARDS) {
            return refused(482, "Too Many Call Forwards");
        }
        AddressOfRecord by = user.addressOfRecord();
        AddressOfRecord extension = extensionOf(target, user.domain());
        if (extension != null && directory.user(extension).isPresent()) {
            return resolve(extension, passed, forwards + 1).thenApply(to -> to instanceof CalleeResolution.Refused
                    ? to : new CalleeResolution.Diverted(by, reason, to));
        }
        if (NUMBER.matcher(target).matches() && planner != null) {
            Optional<Client> client = directory.client(user.domain());
            String platform = directory.platform().map(Platform::domain).orElse("");
            if (client.isPresent()) {
                return CompletableFuture.completedFuture(switch (planner.plan(client.get(), user, target, platform)) {
                    case OutboundPlan.Refused refused -> new CalleeResolution.Refused(refused.status(), refused.reason());
                    case OutboundPlan.Attempts attempts ->
                            new CalleeResolution.Diverted(by, reason, new CalleeResolution.Pstn(user, attempts));
                });
            }
        }
        return refused(404, "Forward Target Not Reachable");
    }

    /** The extension a forward target names in the user's own client: {@code 204}, or {@code sip:204@domain}. */
    private static @Nullable AddressOfRecord extensionOf(String target, String domain) {
        var uri = SIP_URI.matcher(target.strip());
        if (uri.matches()) {
            return uri.group(2).equalsIgnoreCase(domain) && User.isValidExtension(uri.group(1))
                    ? new AddressOfRecord(uri.group(1), domain) : null;
        }
        return User.isValidExtension(target.strip()) ? new AddressOfRecord(target.strip(), domain) : null;
    }

    private static CompletionStage<CalleeResolution> refused(int status, String reason) {
        return CompletableFuture.completedFuture(new CalleeResolution.Refused(status, reason));
    }
}
