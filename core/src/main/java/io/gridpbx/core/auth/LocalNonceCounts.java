package io.gridpbx.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Nonce-counts kept on this node alone: no grid round trip, but a replay sent to another node is not
 * seen. The node uses the grid's counts; this one serves a lone node and tests. A nonce is only valid
 * for its lifetime, so its count needs remembering no longer than that. Memory is bounded
 * ({@link #MAX_PER_GENERATION} nonces twice over): under a load that fills it sooner, counts are
 * forgotten early, and a nonce issued before the forgetting whose count is no longer known is treated
 * like a replay (challenged as stale) rather than trusted.
 */
public final class LocalNonceCounts implements NonceCounts {

    private final Clock clock;
    private final long retransmissionMillis;
    /** About 170 bytes a nonce: two full generations hold some 17 MB. */
    public static final int MAX_PER_GENERATION = 50_000;

    private final Generations<NonceUse> highest;

    /**
     * @param nonceLifetime        how long a nonce is valid ({@link NonceService})
     * @param retransmissionWindow how long a retransmission of an accepted request can still arrive
     */
    public LocalNonceCounts(Clock clock, Duration nonceLifetime, Duration retransmissionWindow) {
        this(clock, nonceLifetime, retransmissionWindow, MAX_PER_GENERATION);
    }

    LocalNonceCounts(Clock clock, Duration nonceLifetime, Duration retransmissionWindow, int maxPerGeneration) {
        this.clock = clock;
        this.retransmissionMillis = retransmissionWindow.toMillis();
        // An entry lives at least half the window: twice the lifetime keeps every count while its nonce is valid.
        this.highest = new Generations<>(clock, nonceLifetime.multipliedBy(2), maxPerGeneration);
    }

    @Override
    public CompletionStage<Boolean> advance(String nonce, long count, @Nullable String requestKey, LongSupplier issuedAtMillis) {
        var now = highest.current();
        NonceUse before = highest.previous().get(nonce);
        long forgottenBefore = highest.forgottenBeforeMillis();
        NonceUse use = NonceUse.of(count, requestKey, clock.millis());
        AtomicBoolean accepted = new AtomicBoolean();
        // One atomic step per nonce: of two copies of a request arriving at once, one is accepted.
        now.compute(nonce, (key, seen) -> {
            NonceUse top = seen == null || before != null && before.count() > seen.count() ? before : seen;
            if (top == null && forgottenBefore != Long.MIN_VALUE && issuedAtMillis.getAsLong() < forgottenBefore) {
                // Its count may have been forgotten under load: do not trust it, ask for a fresh nonce.
                return null;
            }
            accepted.set(use.mayFollow(top, retransmissionMillis));
            return use.raises(top) ? use : top;
        });
        return CompletableFuture.completedFuture(accepted.get());
    }
}
