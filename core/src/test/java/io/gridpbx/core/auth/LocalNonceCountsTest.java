package io.gridpbx.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Nonce-counts: counting up passes, a repeat does not, and memory stays bounded without trusting what it forgot. */
class LocalNonceCountsTest {

    private static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final Duration RETRANSMISSIONS = Duration.ofSeconds(32);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));

    @Test
    void aCountIsRememberedForTheWholeLifeOfItsNonce_andForgottenAfter() {
        LocalNonceCounts counts = new LocalNonceCounts(clock, LIFETIME, RETRANSMISSIONS);
        long issued = clock.millis();

        assertThat(advance(counts, "n1", 1, "REGISTER 1 a", () -> issued)).isTrue();
        clock.advance(LIFETIME.minusSeconds(1));
        assertThat(advance(counts, "n1", 1, "REGISTER 2 a", () -> issued)).as("a replay near the end of its life").isFalse();
        assertThat(advance(counts, "n1", 2, "REGISTER 3 a", () -> issued)).isTrue();
    }

    @Test
    void whenTheMemoryFillsUp_countsAreForgottenEarly_andANonceFromBeforeIsNotTrusted() {
        LocalNonceCounts counts = new LocalNonceCounts(clock, LIFETIME, RETRANSMISSIONS, 2);
        long early = clock.millis();
        assertThat(advance(counts, "a", 1, "k-a", () -> early)).isTrue();
        assertThat(advance(counts, "b", 1, "k-b", () -> early)).isTrue();
        clock.advance(Duration.ofSeconds(1));
        // Full: each of these pushes a generation out long before its five minutes.
        for (String nonce : new String[] {"c", "d", "e", "f"}) {
            assertThat(advance(counts, nonce, 1, "k-" + nonce, clock::millis)).isTrue();
        }
        clock.advance(Duration.ofSeconds(1));

        assertThat(advance(counts, "a", 1, "k-a2", () -> early)).as("a's count is gone: not trusted").isFalse();
        assertThat(advance(counts, "fresh", 1, "k-fresh", clock::millis)).as("a nonce issued now").isTrue();
    }

    private static boolean advance(NonceCounts counts, String nonce, long count, String requestKey,
            java.util.function.LongSupplier issuedAtMillis) {
        return io.gridpbx.core.store.Stages.await(counts.advance(nonce, count, requestKey, issuedAtMillis));
    }
}
