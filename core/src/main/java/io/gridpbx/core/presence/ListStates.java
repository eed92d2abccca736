package io.gridpbx.core.presence;

import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.presence.body.Entry;
import io.gridpbx.core.presence.body.Rlmi;
import io.gridpbx.core.presence.xcap.ResolvedService;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The state of a resource list in a NOTIFY (RFC 4662 section 5): a multipart/related body whose root
 * is the RLMI document, with one part per resource carrying that resource's own document. The state
 * is always full: a notifier may send full state at any time (section 5.2), and a phone with a dozen
 * busy lamps gains nothing from partial state, while every NOTIFY it gets then says all.
 *
 * <p>A resource the subscriber may watch (its own rules decide, as for a subscription to it alone) is
 * shown with its state; any other, or one that is not a user of ours, is listed as
 * {@code terminated;reason=rejected} (section 5.2, the back-end subscription refused), so the list
 * leaks nothing the subscriber could not watch on its own.
 */
final class ListStates {

    private final PresenceStates states;
    private final BiPredicate<AddressOfRecord, AddressOfRecord> mayWatch;

    /** @param mayWatch whether a watcher may see a member (the member's own rules, as for a subscription to it) */
    ListStates(PresenceStates states, BiPredicate<AddressOfRecord, AddressOfRecord> mayWatch) {
        this.states = states;
        this.mayWatch = mayWatch;
    }

    /** The list's state for a subscription in {@code event}, as a body that takes each subscription's version. */
    CompletionStage<Function<Subscription, NotifySender.Body>> of(AddressOfRecord watcher, ResolvedService list,
            EventPackage event) {
        List<CompletableFuture<Part>> parts = new ArrayList<>();
        for (Entry entry : list.resources()) {
            AddressOfRecord resource = aorOf(entry.uri());
            if (resource == null || !mayWatch.test(watcher, resource)) {
                parts.add(CompletableFuture.completedFuture(new Part(entry.uri(), null)));
                continue;
            }
            parts.add(states.of(resource, event).toCompletableFuture()
                    .thenApply(body -> new Part(entry.uri(), body)));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<Part> resolved = parts.stream().map(CompletableFuture::join).toList();
            return subscription -> body(list.uri(), subscription, resolved, event);
        });
    }

    /** Whether {@code resource} is one of the list's. */
    static boolean contains(ResolvedService list, AddressOfRecord resource) {
        for (Entry entry : list.resources()) {
            if (resource.equals(aorOf(entry.uri()))) {
                return true;
            }
        }
        return false;
    }

    private record Part(String uri, @Nullable Function<Subscription, NotifySender.Body> body) {
    }

    private static NotifySender.Body body(String listUri, Subscription subscription, List<Part> parts, EventPackage event) {
        List<Rlmi.Part> rlmi = new ArrayList<>(parts.size());
        for (Part part : parts) {
            if (part.body() == null) {
                rlmi.add(new Rlmi.Part(part.uri(), "terminated", "rejected", event.contentType(), new byte[0]));
            } else {
                NotifySender.Body own = part.body().apply(subscription);
                rlmi.add(new Rlmi.Part(part.uri(), "active", null, own.contentType(), own.content()));
            }
        }
        Rlmi.Multipart multipart = new Rlmi(listUri, subscription.version(), true, rlmi).toMultipart(boundary(subscription));
        return new NotifySender.Body(multipart.contentType(), multipart.body());
    }

    /** A boundary no document can contain by chance: derived from the subscription and its version. */
    private static String boundary(Subscription subscription) {
        return "rlmi-" + HexFormat.of().toHexDigits(subscription.key().hashCode()) + "-" + subscription.version();
    }

    static @Nullable AddressOfRecord aorOf(String uri) {
        String text = uri.startsWith("sip:") ? uri.substring(4) : uri.startsWith("sips:") ? uri.substring(5) : null;
        if (text == null) {
            return null;
        }
        int params = text.indexOf(';');
        try {
            return AddressOfRecord.parse(params < 0 ? text : text.substring(0, params));
        } catch (IllegalArgumentException notAUser) {
            return null;
        }
    }
}
