package io.gridpbx.core.auth;

import io.gridpbx.core.digest.DigestAlgorithm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.gridpbx.core.MutableClock;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.tenancy.Client;
import io.gridpbx.core.tenancy.InMemoryTenantDirectory;
import io.gridpbx.core.tenancy.TenantProvisioning;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The registrar's and proxy's digest check: who the phone is, or what to challenge it with. */
class DigestAuthenticatorTest {

    private static final String REALM = "office.demo.gridpbx.test";
    private static final String METHOD = "REGISTER";
    private static final Duration LIFETIME = Duration.ofMinutes(5);

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T12:00:00Z"));
    private final NonceService nonces = new NonceService(
            "cluster-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8), clock, new SplittableRandom(7), LIFETIME);
    private final InMemoryTenantDirectory directory = new InMemoryTenantDirectory();
    private final DigestAuthenticator authenticator =
            new DigestAuthenticator(directory, nonces, List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5), memory(),
                    new LocalNonceCounts(clock, LIFETIME, Duration.ofSeconds(32)));

    @BeforeEach
    void provisionOneUser() {
        TenantProvisioning provisioning = new TenantProvisioning(directory);
        provisioning.createPlatform("gridpbx.test");
        provisioning.createReseller("demo.gridpbx.test", "Demo Reseller");
        provisioning.createClient(REALM, "Office", "demo.gridpbx.test");
        provisioning.createUser(REALM, "200", "pass200", "Alice");
    }

    @Test
    void requestWithoutCredentials_isChallengedWithEveryAlgorithmInConfiguredOrderAndOneNonce() {
        DigestAuthenticator.Verdict.Challenge challenge = challenge(sync(authenticator).authenticate(METHOD, REALM, null));

        assertThat(challenge.challenges()).extracting(DigestAuthenticator.DigestChallenge::algorithm)
                .containsExactly(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5);
        assertThat(challenge.challenges()).extracting(DigestAuthenticator.DigestChallenge::nonce)
                .hasSize(2).containsOnly(challenge.challenges().getFirst().nonce());
        assertThat(challenge.challenges()).allSatisfy(c -> {
            assertThat(c.realm()).isEqualTo(REALM);
            assertThat(c.stale()).isFalse();
        });
        assertThat(nonces.verify(challenge.challenges().getFirst().nonce(), REALM)).isEqualTo(NonceService.Verdict.VALID);
    }

    @Test
    void correctMd5Response_authenticatesTheOwner() {
        DigestAuthenticator.Verdict verdict = sync(authenticator).authenticate(METHOD, REALM,
                answer(DigestAlgorithm.MD5, "MD5", "200", "pass200", freshNonce()));

        assertThat(verdict).isInstanceOfSatisfying(DigestAuthenticator.Verdict.Authenticated.class, ok -> {
            assertThat(ok.credentials().authUser()).isEqualTo("200");
            assertThat(ok.credentials().owner()).isEqualTo(new AddressOfRecord("200", REALM));
        });
    }

    @Test
    void correctSha256Response_authenticatesTheOwner() {
        DigestAuthenticator.Verdict verdict = sync(authenticator).authenticate(METHOD, REALM,
                answer(DigestAlgorithm.SHA_256, "SHA-256", "200", "pass200", freshNonce()));

        assertThat(verdict).isInstanceOf(DigestAuthenticator.Verdict.Authenticated.class);
    }

    @Test
    void responseWithoutAlgorithmParameter_isCheckedAsMd5() {
        DigestAuthenticator.Verdict verdict = sync(authenticator).authenticate(METHOD, REALM,
                answer(DigestAlgorithm.MD5, null, "200", "pass200", freshNonce()));

        assertThat(verdict).isInstanceOf(DigestAuthenticator.Verdict.Authenticated.class);
    }

    /** The signal the edge counts against password guessing: an answer was there, and wrong. */
    @Test
    void aWrongPasswordOrAnUnknownUser_isChallengedNamingTheUser_noAnswerNamesNobody() {
        assertThat(challenge(sync(authenticator).authenticate(METHOD, REALM,
                answer(DigestAlgorithm.MD5, "MD5", "200", "guess", freshNonce()))).failedUser())
                .isEqualTo("200@" + REALM);
        assertThat(challenge(sync(authenticator).authenticate(METHOD, REALM,
                answer(DigestAlgorithm.MD5, "MD5", "nobody", "guess", freshNonce()))).failedUser())
                .isEqualTo("nobody@" + REALM);
        assertThat(challenge(sync(authenticator).authenticate(METHOD, REALM, null)).failedUser()).isNull();
        String expiring = freshNonce();
        clock.advance(LIFETIME.plusSeconds(1));
        assertThat(challenge(sync(authenticator).authenticate(METHOD, REALM,
                answer(DigestAlgorithm.MD5, "MD5", "200", "pass200", expiring))).failedUser())
                .as("a right answer on a stale nonce is no failure").isNull();
    }

    @Test
    void responseComputedForAnotherMethod_isChallenged() {
        DigestResponse forRegister = answer(DigestAlgorithm.MD5, "MD5", "200", "pass200", freshNonce());

        assertNotStaleChallenge(sync(authenticator).authenticate("INVITE", REALM, forRegister));
    }

    @Test
    void aRightAnswerReplayed_isChallengedStale_whileCountingUpOnTheSameNonceIsAccepted() {
        String nonce = freshNonce();
        DigestResponse first = answer(DigestAlgorithm.MD5, "MD5", "200", "pass200", nonce, "00000001");

        assertThat(sync(authenticator).authenticate(METHOD, REALM, first)).isInstanceOf(DigestAuthenticator.Verdict.Authenticated.class);
        assertThat(challenge(sync(authenticator).authenticate(METHOD, REALM, first)).challenges())
                .as("the same request again: a replay").allMatch(DigestAuthenticator.DigestChallenge::stale);
        assertThat(sync(authenticator).authenticate(METHOD, REALM, answer(DigestAlgorithm.MD5, "MD5", "200", "pass200", nonce,
                "00000002"))).as("the phone's next request on that nonce").isInstanceOf(DigestAuthenticator.Verdict.Authenticated.class);
        clock.advance(LIFETIME.minusSeconds(1));
        assertThat(challenge(sync(authenticator).authenticate(METHOD, REALM, answer(DigestAlgorithm.MD5, "MD5", "200", "pass200",
                nonce, "00000002"))).challenges()).as("remembered while the nonce lives")
                .allMatch(DigestAuthenticator.DigestChallenge::stale);
    }

    @Test
    void theAcceptedRequestRetransmitted_isAcceptedAgain_butNotOnceItsWindowIsOver() {
        String nonce = freshNonce();
        DigestResponse signed = answer(DigestAlgorithm.MD5, "MD5", "200", "pass200", nonce, "00000001");
        String key = DigestAuthenticator.requestKey(METHOD, "call-9@phone", 2);

        assertThat(sync(authenticator).authenticate(METHOD, REALM, signed, key)).isInstanceOf(DigestAuthenticator.Verdict.Authenticated.class);
        clock.advance(Duration.ofSeconds(4));
        assertThat(sync(authenticator).authenticate(METHOD, REALM, signed, key)).as("a retransmission")
                .isInstanceOf(DigestAuthenticator.Verdict.Authenticated.class);
        assertThat(challenge(sync(authenticator).authenticate(METHOD, REALM, signed,
                DigestAuthenticator.requestKey(METHOD, "call-9@phone", 3))).challenges()).as("another request")
                .allMatch(DigestAuthenticator.DigestChallenge::stale);
        clock.advance(Duration.ofSeconds(30));
        assertThat(challenge(sync(authenticator).authenticate(METHOD, REALM, signed, key)).challenges())
                .as("too late for a retransmission").allMatch(DigestAuthenticator.DigestChallenge::stale);
    }

    @Test
    void aWrongAnswerWithAHighCount_doesNotUseUpThePhonesCounts() {
        String nonce = freshNonce();

        assertNotStaleChallenge(sync(authenticator).authenticate(METHOD, REALM,
                answer(DigestAlgorithm.MD5, "MD5", "200", "not-the-password", nonce, "00000009")));

        assertThat(sync(authenticator).authenticate(METHOD, REALM, answer(DigestAlgorithm.MD5, "MD5", "200", "pass200", nonce,
                "00000001"))).isInstanceOf(DigestAuthenticator.Verdict.Authenticated.class);
    }

    @Test
    void wrongPassword_isChallengedNotStale() {
        assertNotStaleChallenge(sync(authenticator).authenticate(METHOD, REALM,
                answer(DigestAlgorithm.SHA_256, "SHA-256", "200", "pass201", freshNonce())));
    }

    @Test
    void staleNonceWithCorrectPassword_isChallengedStaleWithAFreshNonce() {
        String old = freshNonce();
        clock.advance(LIFETIME.plusSeconds(1));

        DigestAuthenticator.Verdict.Challenge challenge = challenge(sync(authenticator).authenticate(METHOD, REALM,
                answer(DigestAlgorithm.MD5, "MD5", "200", "pass200", old)));

        assertThat(challenge.challenges()).hasSize(2).allSatisfy(c -> {
            assertThat(c.stale()).isTrue();
            assertThat(c.nonce()).isNotEqualTo(old);
            assertThat(nonces.verify(c.nonce(), REALM)).isEqualTo(NonceService.Verdict.VALID);
        });
    }

    @Test
    void staleNonceWithWrongPassword_isChallengedNotStale() {
        // Stale would tell the phone its password was right.
        String old = freshNonce();
        clock.advance(LIFETIME.plusSeconds(1));

        assertNotStaleChallenge(sync(authenticator).authenticate(METHOD, REALM,
                answer(DigestAlgorithm.MD5, "MD5", "200", "wrong", old)));
    }

    @Test
    void unknownUser_isChallenged() {
        assertNotStaleChallenge(sync(authenticator).authenticate(METHOD, REALM,
                answer(DigestAlgorithm.MD5, "MD5", "299", "pass299", freshNonce())));
    }

    @Test
    void algorithmNotOffered_isChallenged() {
        DigestAuthenticator sha256Only = new DigestAuthenticator(directory, nonces, List.of(DigestAlgorithm.SHA_256), memory(),
                new LocalNonceCounts(clock, LIFETIME, Duration.ofSeconds(32)));

        DigestAuthenticator.Verdict.Challenge challenge = challenge(sync(sha256Only).authenticate(METHOD, REALM,
                answer(DigestAlgorithm.MD5, "MD5", "200", "pass200", freshNonce())));

        assertThat(challenge.challenges()).extracting(DigestAuthenticator.DigestChallenge::algorithm)
                .containsExactly(DigestAlgorithm.SHA_256);
    }

    @Test
    void aClientsChoice_replacesThePlatformDefault_fromTheNextRequestOn() {
        DigestAuthenticator md5ByDefault = new DigestAuthenticator(directory, nonces, List.of(DigestAlgorithm.MD5),
                memory(), new LocalNonceCounts(clock, LIFETIME, Duration.ofSeconds(32)));
        assertThat(offeredBy(md5ByDefault)).as("platform default").containsExactly(DigestAlgorithm.MD5);

        chooseForOffice(List.of(DigestAlgorithm.SHA_256));
        assertThat(offeredBy(md5ByDefault)).as("SHA-256 only").containsExactly(DigestAlgorithm.SHA_256);

        chooseForOffice(List.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256));
        assertThat(offeredBy(md5ByDefault)).as("both: SHA-256 first, RFC 8760")
                .containsExactly(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5);

        chooseForOffice(List.of());
        assertThat(offeredBy(md5ByDefault)).as("back to the default").containsExactly(DigestAlgorithm.MD5);
    }

    @Test
    void anMd5Answer_inADomainSetToSha256_isChallengedWithSha256Only_andReported() {
        List<String> reported = new ArrayList<>();
        DigestAuthenticator md5ByDefault = new DigestAuthenticator(directory, nonces, List.of(DigestAlgorithm.MD5),
                memory(), new LocalNonceCounts(clock, LIFETIME, Duration.ofSeconds(32)),
                (realm, user, answered, offered) -> reported.add(user + "@" + realm + " " + answered + " offered "
                        + DigestAlgorithm.tokens(offered)));
        chooseForOffice(List.of(DigestAlgorithm.SHA_256));

        DigestAuthenticator.Verdict.Challenge challenge = challenge(sync(md5ByDefault).authenticate(METHOD, REALM,
                answer(DigestAlgorithm.MD5, "MD5", "200", "pass200", freshNonce())));
        DigestAuthenticator.Verdict sha256 = sync(md5ByDefault).authenticate(METHOD, REALM,
                answer(DigestAlgorithm.SHA_256, "SHA-256", "200", "pass200", challenge.challenges().getFirst().nonce()));

        assertThat(challenge.challenges()).extracting(DigestAuthenticator.DigestChallenge::algorithm)
                .containsExactly(DigestAlgorithm.SHA_256);
        assertThat(challenge.challenges()).noneMatch(DigestAuthenticator.DigestChallenge::stale);
        assertThat(reported).containsExactly("200@" + REALM + " MD5 offered SHA-256");
        assertThat(sha256).isInstanceOf(DigestAuthenticator.Verdict.Authenticated.class);
    }

    @Test
    void anAnswerWithoutAlgorithm_isMd5_andNotOfferedInADomainSetToSha256() {
        chooseForOffice(List.of(DigestAlgorithm.SHA_256));

        assertNotStaleChallenge(sync(authenticator).authenticate(METHOD, REALM,
                answer(DigestAlgorithm.MD5, null, "200", "pass200", freshNonce())));
    }

    @Test
    void unknownAlgorithm_isChallenged() {
        assertNotStaleChallenge(sync(authenticator).authenticate(METHOD, REALM,
                answer(DigestAlgorithm.SHA_256, "SHA-512-256", "200", "pass200", freshNonce())));
    }

    @Test
    void responseForAnotherRealm_isChallenged() {
        String acme = "acme.demo.gridpbx.test";
        DigestResponse forAcme = withRealm(answer(DigestAlgorithm.MD5, "MD5", "200", "pass200", freshNonce()), acme);

        assertNotStaleChallenge(sync(authenticator).authenticate(METHOD, REALM, forAcme));
    }

    @Test
    void nonceIssuedForAnotherRealm_isChallenged() {
        String acmeNonce = nonces.issue("acme.demo.gridpbx.test");

        assertNotStaleChallenge(sync(authenticator).authenticate(METHOD, REALM,
                answer(DigestAlgorithm.MD5, "MD5", "200", "pass200", acmeNonce)));
    }

    @Test
    void forgedNonce_isChallenged() {
        assertNotStaleChallenge(sync(authenticator).authenticate(METHOD, REALM,
                answer(DigestAlgorithm.MD5, "MD5", "200", "pass200", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")));
    }

    @Test
    void noOfferedAlgorithm_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new DigestAuthenticator(directory, nonces, List.of(), memory(),
                new LocalNonceCounts(clock, LIFETIME, Duration.ofSeconds(32))));
    }

    private void chooseForOffice(List<DigestAlgorithm> algorithms) {
        Client office = directory.client(REALM).orElseThrow();
        directory.saveClient(new Client(office.domain(), office.name(), office.resellerRealm(),
                office.maxContactsPerUser(), office.email(), office.language(), algorithms));
    }

    private List<DigestAlgorithm> offeredBy(DigestAuthenticator authenticator) {
        return challenge(sync(authenticator).authenticate(METHOD, REALM, null)).challenges().stream()
                .map(DigestAuthenticator.DigestChallenge::algorithm).toList();
    }

    private String freshNonce() {
        return challenge(sync(authenticator).authenticate(METHOD, REALM, null)).challenges().getFirst().nonce();
    }

    /** What a phone sends: the response computed from its password as RFC 7616 section 3.4.1 says. */
    private static DigestResponse answer(DigestAlgorithm algorithm, @Nullable String algorithmToken, String user,
            String password, String nonce) {
        return answer(algorithm, algorithmToken, user, password, nonce, "00000001");
    }

    private static DigestResponse answer(DigestAlgorithm algorithm, @Nullable String algorithmToken, String user,
            String password, String nonce, String nc) {
        DigestResponse unsigned = new DigestResponse(user, REALM, nonce, "sip:" + REALM, "", algorithmToken,
                "auth", nc, "0a4f113b");
        String response = DigestVerifier.expectedResponse(algorithm, algorithm.ha1(user, REALM, password), METHOD,
                unsigned);
        return new DigestResponse(user, REALM, nonce, unsigned.uri(), response, algorithmToken, "auth", nc,
                "0a4f113b");
    }

    private static DigestResponse withRealm(DigestResponse r, String realm) {
        return new DigestResponse(r.username(), realm, r.nonce(), r.uri(), r.response(), r.algorithm(), r.qop(), r.nc(),
                r.cnonce());
    }

    private static DigestAuthenticator.Verdict.Challenge challenge(DigestAuthenticator.Verdict verdict) {
        assertThat(verdict).isInstanceOf(DigestAuthenticator.Verdict.Challenge.class);
        return (DigestAuthenticator.Verdict.Challenge) verdict;
    }

    private static void assertNotStaleChallenge(DigestAuthenticator.Verdict verdict) {
        assertThat(challenge(verdict).challenges()).isNotEmpty().noneMatch(DigestAuthenticator.DigestChallenge::stale);
    }

    private ChallengeMemory memory() {
        return new ChallengeMemory(clock, Duration.ofSeconds(32));
    }

    /** Regression: a retransmitted REGISTER got a second 401 with another nonce, and SIPp gave up the call. */
    @Test
    void retransmittedRequest_getsTheSameChallengeAgain() {
        String key = DigestAuthenticator.requestKey(METHOD, "call-1@phone", 1);
        DigestAuthenticator.Verdict first = sync(authenticator).authenticate(METHOD, REALM, null, key);
        clock.advance(Duration.ofSeconds(2));
        DigestAuthenticator.Verdict retransmission = sync(authenticator).authenticate(METHOD, REALM, null, key);
        DigestAuthenticator.Verdict nextRequest = sync(authenticator).authenticate(METHOD, REALM, null,
                DigestAuthenticator.requestKey(METHOD, "call-1@phone", 2));

        assertThat(retransmission).isEqualTo(first);
        assertThat(challenge(nextRequest).challenges().getFirst().nonce())
                .isNotEqualTo(challenge(first).challenges().getFirst().nonce());
    }

    @Test
    void challengeIsForgottenAfterTheRetransmissionWindow() {
        String key = DigestAuthenticator.requestKey(METHOD, "call-2@phone", 1);
        DigestAuthenticator.Verdict first = sync(authenticator).authenticate(METHOD, REALM, null, key);
        clock.advance(Duration.ofSeconds(33));

        assertThat(sync(authenticator).authenticate(METHOD, REALM, null, key)).isNotEqualTo(first);
    }

    /** The authenticator's verdicts, waited for (its counts are local: every stage is already complete). */
    private static Sync sync(DigestAuthenticator authenticator) {
        return new Sync(authenticator);
    }

    private record Sync(DigestAuthenticator authenticator) {
        DigestAuthenticator.Verdict authenticate(String method, String realm, DigestResponse response) {
            return io.gridpbx.core.store.Stages.await(authenticator.authenticate(method, realm, response));
        }

        DigestAuthenticator.Verdict authenticate(String method, String realm, DigestResponse response, String key) {
            return io.gridpbx.core.store.Stages.await(authenticator.authenticate(method, realm, response, key));
        }
    }
}
