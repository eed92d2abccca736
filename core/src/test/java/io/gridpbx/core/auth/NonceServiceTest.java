package io.gridpbx.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.gridpbx.core.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Stateless nonces sealed with the cluster's shared secret, RFC 7616 section 3.3 staleness. */
class NonceServiceTest {

    private static final byte[] SECRET = "cluster-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_SECRET = "another-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final String REALM = "office.demo.gridpbx.test";
    private static final Duration LIFETIME = Duration.ofMinutes(5);

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T12:00:00Z"));
    private final NonceService nodeA = new NonceService(SECRET, clock, new SplittableRandom(1), LIFETIME);
    private final NonceService nodeB = new NonceService(SECRET, clock, new SplittableRandom(2), LIFETIME);

    @Test
    void nonceIssuedByOneNode_isValidOnAnotherNodeWithTheSameSecret() {
        String nonce = nodeA.issue(REALM);

        assertThat(nodeA.verify(nonce, REALM)).isEqualTo(NonceService.Verdict.VALID);
        assertThat(nodeB.verify(nonce, REALM)).isEqualTo(NonceService.Verdict.VALID);
    }

    @Test
    void nonceFromAnotherSecret_isInvalid() {
        NonceService foreign = new NonceService(OTHER_SECRET, clock, new SplittableRandom(1), LIFETIME);

        assertThat(nodeA.verify(foreign.issue(REALM), REALM)).isEqualTo(NonceService.Verdict.INVALID);
    }

    @Test
    void nonceForAnotherRealm_isInvalid() {
        String nonce = nodeA.issue("acme.demo.gridpbx.test");

        assertThat(nodeB.verify(nonce, REALM)).isEqualTo(NonceService.Verdict.INVALID);
    }

    @Test
    void nonceWithAlteredIssueTime_isInvalid() {
        byte[] raw = Base64.getUrlDecoder().decode(nodeA.issue(REALM));
        raw[7] ^= 0x01; // the last byte of the issue time: an attacker extending its life

        assertThat(nodeB.verify(encode(raw), REALM)).isEqualTo(NonceService.Verdict.INVALID);
    }

    @Test
    void nonceWithAlteredRandomPartOrSeal_isInvalid() {
        byte[] raw = Base64.getUrlDecoder().decode(nodeA.issue(REALM));
        byte[] random = raw.clone();
        random[10] ^= 0x40;
        byte[] seal = raw.clone();
        seal[raw.length - 1] ^= 0x01;

        assertThat(nodeB.verify(encode(random), REALM)).isEqualTo(NonceService.Verdict.INVALID);
        assertThat(nodeB.verify(encode(seal), REALM)).isEqualTo(NonceService.Verdict.INVALID);
    }

    @Test
    void nonceThatIsNotBase64_isInvalid() {
        assertThat(nodeA.verify("not a nonce!", REALM)).isEqualTo(NonceService.Verdict.INVALID);
        // The standard alphabet's '+' and '/' are not in the URL-safe one that nonces use.
        assertThat(nodeA.verify("ab+/ab+/ab+/ab+/ab+/ab+/ab+/ab+/ab+/ab+/ab+", REALM))
                .isEqualTo(NonceService.Verdict.INVALID);
    }

    @Test
    void nonceOfWrongLength_isInvalid() {
        byte[] raw = Base64.getUrlDecoder().decode(nodeA.issue(REALM));
        byte[] shorter = java.util.Arrays.copyOf(raw, raw.length - 1);
        byte[] longer = java.util.Arrays.copyOf(raw, raw.length + 1);

        assertThat(nodeA.verify(encode(shorter), REALM)).isEqualTo(NonceService.Verdict.INVALID);
        assertThat(nodeA.verify(encode(longer), REALM)).isEqualTo(NonceService.Verdict.INVALID);
        assertThat(nodeA.verify("", REALM)).isEqualTo(NonceService.Verdict.INVALID);
    }

    @Test
    void nonce_staysValidUntilTheEndOfItsLifetime() {
        String nonce = nodeA.issue(REALM);

        clock.advance(LIFETIME);

        assertThat(nodeB.verify(nonce, REALM)).isEqualTo(NonceService.Verdict.VALID);
    }

    @Test
    void nonceOlderThanItsLifetime_isStale() {
        String nonce = nodeA.issue(REALM);

        clock.advance(LIFETIME.plusMillis(1));

        assertThat(nodeB.verify(nonce, REALM)).isEqualTo(NonceService.Verdict.STALE);
    }

    @Test
    void expiredNonceForAnotherRealm_isInvalidNotStale() {
        String nonce = nodeA.issue("acme.demo.gridpbx.test");

        clock.advance(LIFETIME.multipliedBy(2));

        assertThat(nodeA.verify(nonce, REALM)).isEqualTo(NonceService.Verdict.INVALID);
    }

    @Test
    void nonceFromANodeWhoseClockIsAhead_isValidWithinFiveSecondsAndStaleBeyond() {
        MutableClock behind = new MutableClock(clock.instant().minusSeconds(5));
        NonceService lagging = new NonceService(SECRET, behind, new SplittableRandom(3), LIFETIME);
        String nonce = nodeA.issue(REALM);

        assertThat(lagging.verify(nonce, REALM)).isEqualTo(NonceService.Verdict.VALID);
        behind.advance(Duration.ofMillis(-1));
        assertThat(lagging.verify(nonce, REALM)).isEqualTo(NonceService.Verdict.STALE);
    }

    @Test
    void randomness_comesFromTheInjectedGenerator() {
        NonceService twin = new NonceService(SECRET, clock, new SplittableRandom(1), LIFETIME);

        String first = nodeA.issue(REALM);
        String second = nodeA.issue(REALM);

        assertThat(second).isNotEqualTo(first);
        assertThat(twin.issue(REALM)).isEqualTo(first);
        assertThat(twin.issue(REALM)).isEqualTo(second);
    }

    @Test
    void nonce_isUrlSafeBase64WithoutPadding() {
        assertThat(nodeA.issue(REALM)).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void secretShorterThan16Bytes_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new NonceService(new byte[15], clock, new SplittableRandom(1), LIFETIME));
    }

    @Test
    void secretChangedByTheCallerAfterwards_doesNotChangeTheService() {
        byte[] secret = SECRET.clone();
        NonceService service = new NonceService(secret, clock, new SplittableRandom(1), LIFETIME);
        secret[0] ^= 0x7f;

        assertThat(nodeB.verify(service.issue(REALM), REALM)).isEqualTo(NonceService.Verdict.VALID);
    }

    private static String encode(byte[] raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
