package io.gridpbx.core.presence;

import io.gridpbx.core.location.AddressOfRecord;
import org.jspecify.annotations.Nullable;

/**
 * How long a subscription lasts and who may watch whom.
 *
 * <p>Expiry (RFC 6665 section 4.2.1.1): a SUBSCRIBE without Expires gets the package's default
 * (3600 s for presence, RFC 3856 section 6.4; the same for dialog and message-summary); one under
 * the minimum is refused 423 with Min-Expires; one over the maximum is cut down to it; zero is a
 * fetch, or an unsubscribe in an existing subscription, answered with one NOTIFY in state
 * {@code terminated}.
 *
 * <p>Authorization (RFC 3856 section 6.6): users of the same client see each other; nobody outside
 * it does.
 *
 * @param minSeconds     the shortest subscription accepted
 * @param maxSeconds     the longest granted
 * @param defaultSeconds what a SUBSCRIBE without Expires gets
 */
public record SubscriptionRules(int minSeconds, int maxSeconds, int defaultSeconds) {

    public static final SubscriptionRules DEFAULT = new SubscriptionRules(60, 3600, 3600);

    public SubscriptionRules {
        if (minSeconds < 1 || maxSeconds < minSeconds || defaultSeconds < minSeconds || defaultSeconds > maxSeconds) {
            throw new IllegalArgumentException("subscription expiry needs 1 <= min <= default <= max");
        }
    }

    /** What a requested expiry becomes. */
    public sealed interface Expiry {
        /** Subscribed for this many seconds. */
        record Granted(int seconds) implements Expiry {
        }

        /** Expires: 0: a fetch, or an unsubscribe. */
        record Ending() implements Expiry {
        }

        /** 423 Interval Too Brief, with Min-Expires. */
        record TooBrief(int minSeconds) implements Expiry {
        }
    }

    public Expiry expiry(@Nullable Integer requested) {
        if (requested == null) {
            return new Expiry.Granted(defaultSeconds);
        }
        if (requested == 0) {
            return new Expiry.Ending();
        }
        if (requested < minSeconds) {
            return new Expiry.TooBrief(minSeconds);
        }
        return new Expiry.Granted(Math.min(requested, maxSeconds));
    }

    /** Whether {@code watcher} may watch {@code resource}: same client domain. */
    public boolean mayWatch(AddressOfRecord watcher, AddressOfRecord resource) {
        return watcher.domain().equals(resource.domain());
    }
}
