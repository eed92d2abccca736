package io.gridpbx.node.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridpbx.core.auth.NonceCounts;
import io.gridpbx.core.auth.NonceUse;
import io.gridpbx.core.digest.DigestAlgorithm;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Nonce-counts in the {@code auth.nonce-counts} map, so that a right answer replayed to another node
 * is refused as well as one replayed to the node that accepted it. One grid operation per
 * authenticated request: {@link AdvanceNonceCountProcessor} checks and raises the count on the
 * entry's owner in one step. An entry lives as long as its nonce is valid (its TTL), and the map is
 * capped per member; a count let go early is not trusted ({@link NonceUse#firstUseInTime}).
 *
 * <p>An entry is keyed by 64 bits of the SHA-256 of its qualified nonce ({@link #keyOf}), not by the
 * nonce itself: some 110 bytes less per nonce on its owner and its backup. Two nonces that share a key
 * share one count, the highest of both, so a collision can only refuse a use (as stale: the phone
 * answers a fresh nonce), never accept a replay.
 */
public final class HazelcastNonceCounts implements NonceCounts {

    private final IMap<Long, NonceUse> counts;
    private final Clock clock;
    private final long lifetimeMillis;
    private final long retransmissionMillis;
    private final long firstUseMillis;
    private final GridDeadline deadline;

    /**
     * @param nonceLifetime        how long a nonce is valid: how long its count is kept
     * @param retransmissionWindow how long a retransmission of an accepted request can still arrive
     * @param firstUseWindow       how long after its challenge a nonce may first be answered
     */
    public HazelcastNonceCounts(HazelcastInstance grid, Clock clock, Duration nonceLifetime,
            Duration retransmissionWindow, Duration firstUseWindow) {
        this(grid, clock, nonceLifetime, retransmissionWindow, firstUseWindow, GridDeadline.DEFAULT);
    }

    /**
     * As above; the count's answer comes within {@code deadline}, or the stage fails (the node then
     * answers 503 with Retry-After instead of hanging while a frozen member owns the nonce).
     */
    public HazelcastNonceCounts(HazelcastInstance grid, Clock clock, Duration nonceLifetime,
            Duration retransmissionWindow, Duration firstUseWindow, GridDeadline deadline) {
        this.deadline = deadline;
        this.counts = grid.getMap(MapNames.NONCE_COUNTS);
        this.clock = clock;
        this.lifetimeMillis = nonceLifetime.toMillis();
        this.retransmissionMillis = retransmissionWindow.toMillis();
        this.firstUseMillis = firstUseWindow.toMillis();
    }

    @Override
    public CompletionStage<Boolean> advance(String nonce, long count, @Nullable String requestKey, LongSupplier issuedAtMillis) {
        long now = clock.millis();
        long issuedAt = issuedAtMillis.getAsLong();
        // The time is fixed here, not on the owner, so a retried processor decides the same way.
        var processor = new AdvanceNonceCountProcessor(NonceUse.of(count, requestKey, now), retransmissionMillis,
                NonceUse.firstUseInTime(issuedAt, now, firstUseMillis), Math.max(1, issuedAt + lifetimeMillis - now));
        return deadline.bound(counts.submitToKey(keyOf(nonce), processor), "nonce count", nonce)
                .thenApply(Boolean.TRUE::equals);
    }

    /** The key of a qualified nonce's count in the map: the first 64 bits of its SHA-256. */
    static long keyOf(String nonce) {
        return ByteBuffer.wrap(DigestAlgorithm.SHA_256.digest(nonce)).getLong();
    }
}
