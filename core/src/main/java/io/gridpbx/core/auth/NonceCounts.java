package io.gridpbx.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The highest nonce-count ({@code nc}) each nonce was accepted with on this node. A client that
 * reuses a nonce counts up (RFC 7616 section 3.4); a request whose count is not higher is a replay of
 * one already seen (a captured REGISTER or INVITE sent again) and is challenged again, as stale, so
 * a real phone answers a fresh nonce without asking its user. One exception: the very request that
 * was accepted, retransmitted within the retransmission window (same method, Call-ID and CSeq; UDP
 * loses answers, and the registrar answers statelessly), is the same request, not a replay.
 *
 * <p>Kept per node, not in the grid: a cluster-wide count would cost a grid round trip on every
 * authenticated request. A nonce is only valid for its lifetime, so its count needs remembering no
 * longer than that.
 */
public final class NonceCounts {

    private final Clock clock;
    private final long retransmissionMillis;
    private final Generations<Seen> highest;

    /** The highest count accepted for a nonce, and the request that carried it. */
    private record Seen(long count, @Nullable String requestKey, long atMillis) {
    }

    /**
     * @param nonceLifetime        how long a nonce is valid ({@link NonceService})
     * @param retransmissionWindow how long a retransmission of an accepted request can still arrive
     */
    public NonceCounts(Clock clock, Duration nonceLifetime, Duration retransmissionWindow) {
        this.clock = clock;
        this.retransmissionMillis = retransmissionWindow.toMillis();
        // An entry lives at least half the window: twice the lifetime keeps every count while its nonce is valid.
        this.highest = new Generations<>(clock, nonceLifetime.multipliedBy(2));
    }

    /**
     * Whether a request carrying this count may go on: the count is higher than every count this nonce
     * was accepted with so far (and is now the highest), or this is the request that carried the
     * highest, retransmitted.
     *
     * @param requestKey the request's method, Call-ID and CSeq; null when it has none to compare
     */
    public boolean advance(String nonce, long count, @Nullable String requestKey) {
        var now = highest.current();
        Seen before = highest.previous().get(nonce);
        long millis = clock.millis();
        AtomicBoolean accepted = new AtomicBoolean();
        // One atomic step per nonce: of two copies of a request arriving at once, one is accepted.
        now.compute(nonce, (key, seen) -> {
            Seen top = seen == null || before != null && before.count() > seen.count() ? before : seen;
            if (top == null || count > top.count()) {
                accepted.set(true);
                return new Seen(count, requestKey, millis);
            }
            accepted.set(count == top.count() && requestKey != null && requestKey.equals(top.requestKey())
                    && millis - top.atMillis() <= retransmissionMillis);
            return top;
        });
        return accepted.get();
    }
}
