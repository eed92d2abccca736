package io.gridpbx.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
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
 * longer than that. Memory is bounded ({@link #MAX_PER_GENERATION} nonces twice over): under a load
 * that fills it sooner, counts are forgotten early, and a nonce issued before the forgetting whose
 * count is no longer known is treated like a replay (challenged as stale) rather than trusted.
 */
public final class NonceCounts {

    private final Clock clock;
    private final long retransmissionMillis;
    /** About 170 bytes a nonce: two full generations hold some 17 MB. */
    public static final int MAX_PER_GENERATION = 50_000;

    private final Generations<Seen> highest;

    /** The highest count accepted for a nonce, and (a hash of) the request that carried it. */
    private record Seen(long count, int requestHash, long atMillis) {
    }

    /**
     * @param nonceLifetime        how long a nonce is valid ({@link NonceService})
     * @param retransmissionWindow how long a retransmission of an accepted request can still arrive
     */
    public NonceCounts(Clock clock, Duration nonceLifetime, Duration retransmissionWindow) {
        this(clock, nonceLifetime, retransmissionWindow, MAX_PER_GENERATION);
    }

    NonceCounts(Clock clock, Duration nonceLifetime, Duration retransmissionWindow, int maxPerGeneration) {
        this.clock = clock;
        this.retransmissionMillis = retransmissionWindow.toMillis();
        // An entry lives at least half the window: twice the lifetime keeps every count while its nonce is valid.
        this.highest = new Generations<>(clock, nonceLifetime.multipliedBy(2), maxPerGeneration);
    }

    /**
     * Whether a request carrying this count may go on: the count is higher than every count this nonce
     * was accepted with so far (and is now the highest), or this is the request that carried the
     * highest, retransmitted.
     *
     * @param requestKey     the request's method, Call-ID and CSeq; null when it has none to compare
     * @param issuedAtMillis when the nonce was issued ({@link NonceService#issuedAtMillis}); asked only for a
     *                       nonce this node has no count of, after counts were forgotten early
     */
    public boolean advance(String nonce, long count, @Nullable String requestKey, LongSupplier issuedAtMillis) {
        var now = highest.current();
        Seen before = highest.previous().get(nonce);
        long millis = clock.millis();
        long forgottenBefore = highest.forgottenBeforeMillis();
        // A request key's hash is enough to tell a retransmission: a replay must also match the count.
        int requestHash = requestKey == null ? 0 : requestKey.hashCode();
        AtomicBoolean accepted = new AtomicBoolean();
        // One atomic step per nonce: of two copies of a request arriving at once, one is accepted.
        now.compute(nonce, (key, seen) -> {
            Seen top = seen == null || before != null && before.count() > seen.count() ? before : seen;
            if (top == null && forgottenBefore != Long.MIN_VALUE && issuedAtMillis.getAsLong() < forgottenBefore) {
                // Its count may have been forgotten under load: do not trust it, ask for a fresh nonce.
                return null;
            }
            if (top == null || count > top.count()) {
                accepted.set(true);
                return new Seen(count, requestHash, millis);
            }
            accepted.set(count == top.count() && requestKey != null && requestHash == top.requestHash()
                    && millis - top.atMillis() <= retransmissionMillis);
            return top;
        });
        return accepted.get();
    }
}
