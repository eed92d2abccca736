package io.gridpbx.core.auth;

import io.gridpbx.core.digest.DigestAlgorithm;
import io.gridpbx.core.tenancy.Client;
import io.gridpbx.core.tenancy.SipCredentials;
import io.gridpbx.core.tenancy.TenantDirectory;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * Checks a digest response against the directory's HA1 and the cluster's nonces, and says what
 * to answer: accept, challenge (possibly stale), or refuse. Each realm (client domain) offers the
 * algorithms its client chose, or the platform's default; an answer with any other is challenged
 * again, so a domain set to SHA-256 is not entered with MD5. Everything is decided on the calling
 * thread except the nonce-count of a right answer, which may live in the grid: the verdict is
 * therefore a stage, already complete for every challenge.
 */
public final class DigestAuthenticator {

    private final TenantDirectory directory;
    private final NonceService nonces;
    private final List<DigestAlgorithm> platformDefault;
    private final ChallengeMemory sent;
    private final NonceCounts counts;
    private final DigestOfferLog offerLog;

    /**
     * @param platformDefault the algorithms put in a challenge of a realm whose client chose none, in order
     *                        of preference (RFC 7616 section 3.7: the server lists its preferred algorithm first)
     * @param counts          the nonce-counts accepted so far, against replays
     * @param offerLog        told of every answer with an algorithm its realm does not offer
     */
    public DigestAuthenticator(TenantDirectory directory, NonceService nonces, List<DigestAlgorithm> platformDefault,
            ChallengeMemory sent, NonceCounts counts, DigestOfferLog offerLog) {
        if (platformDefault.isEmpty()) {
            throw new IllegalArgumentException("offer at least one digest algorithm");
        }
        this.directory = directory;
        this.nonces = nonces;
        this.platformDefault = List.copyOf(platformDefault);
        this.sent = sent;
        this.counts = counts;
        this.offerLog = offerLog;
    }

    public DigestAuthenticator(TenantDirectory directory, NonceService nonces, List<DigestAlgorithm> platformDefault,
            ChallengeMemory sent, NonceCounts counts) {
        this(directory, nonces, platformDefault, sent, counts, DigestOfferLog.NONE);
    }

    /**
     * Like {@link #authenticate(String, String, DigestResponse)}, but a retransmission of the same
     * request (same {@code requestKey}: method, Call-ID and CSeq) gets the challenge sent the first time.
     */
    public CompletionStage<Verdict> authenticate(String method, String realm, @Nullable DigestResponse response,
            String requestKey) {
        return verdict(method, realm, response, requestKey).thenApply(verdict ->
                verdict instanceof Verdict.Challenge challenge ? sent.remember(requestKey, () -> challenge) : verdict);
    }

    /** The key under which a request's challenge is remembered: its method, Call-ID and CSeq number. */
    public static String requestKey(String method, String callId, long cseq) {
        return method + " " + cseq + " " + callId;
    }

    /** The verdict on a request. */
    public sealed interface Verdict {
        /** The response is right: the request comes from the owner of these credentials. */
        record Authenticated(SipCredentials credentials) implements Verdict {
        }

        /**
         * Ask (again) with a fresh nonce; {@code stale} tells the phone its password was right.
         *
         * @param failedUser {@code user@realm} when an answer was present and wrong (a wrong password or an
         *                   unknown user: what password guessing looks like), null otherwise
         */
        record Challenge(List<DigestChallenge> challenges, @Nullable String failedUser) implements Verdict {
            public Challenge(List<DigestChallenge> challenges) {
                this(challenges, null);
            }
        }
    }

    /** One WWW-Authenticate / Proxy-Authenticate header value. */
    public record DigestChallenge(String realm, String nonce, DigestAlgorithm algorithm, boolean stale) {
    }

    /**
     * @param response the client's credentials for this realm, or null when it sent none
     */
    public CompletionStage<Verdict> authenticate(String method, String realm, @Nullable DigestResponse response) {
        return verdict(method, realm, response, null);
    }

    private CompletionStage<Verdict> verdict(String method, String realm, @Nullable DigestResponse response,
            @Nullable String requestKey) {
        Verdict signed = signedVerdict(method, realm, response);
        if (!(signed instanceof Verdict.Authenticated) || response == null) {
            return CompletableFuture.completedFuture(signed);
        }
        return isFresh(response, requestKey).thenApply(fresh -> fresh ? signed : challenge(realm, true));
    }

    /**
     * The verdict on everything but the nonce-count: a right answer to a nonce that is still valid comes
     * back as {@link Verdict.Authenticated}, to be checked for replay; one to an old nonce as a stale
     * challenge (the phone's password was right).
     */
    private Verdict signedVerdict(String method, String realm, @Nullable DigestResponse response) {
        if (response == null) {
            return challenge(realm, false);
        }
        List<DigestAlgorithm> offered = offeredIn(realm);
        Optional<DigestAlgorithm> algorithm = DigestAlgorithm.fromToken(response.algorithm());
        if (!realm.equalsIgnoreCase(response.realm())) {
            return challenge(realm, false);
        }
        if (algorithm.isEmpty() || !offered.contains(algorithm.get())) {
            // RFC 7616 section 3.7: only an offered algorithm may answer; ask again, with what is offered.
            offerLog.unoffered(realm, response.username(), response.algorithm() == null ? "MD5 (implied)"
                    : response.algorithm(), offered);
            return challenge(realm, false);
        }
        NonceService.Verdict nonce = nonces.verify(response.nonce(), realm);
        if (nonce == NonceService.Verdict.INVALID) {
            return challenge(realm, false);
        }
        Optional<SipCredentials> credentials = directory.credentials(response.username(), realm);
        if (credentials.isEmpty()
                || !DigestVerifier.matches(algorithm.get(), credentials.get().ha1(algorithm.get()), method, response)) {
            return new Verdict.Challenge(challenge(realm, false).challenges(), response.username() + "@" + realm);
        }
        return nonce == NonceService.Verdict.STALE ? challenge(realm, true) : new Verdict.Authenticated(credentials.get());
    }

    /**
     * Whether a right answer carries a nonce-count this nonce was not accepted with yet (or is a
     * retransmission of the request that was). Checked only once the answer is right, so that nobody
     * without the password can use up a phone's counts. An answer without qop (RFC 2069) has no count.
     */
    private CompletionStage<Boolean> isFresh(DigestResponse response, @Nullable String requestKey) {
        String nc = response.nc();
        if (response.qop() == null || nc == null) {
            return CompletableFuture.completedFuture(true);
        }
        long count;
        try {
            count = Long.parseUnsignedLong(nc, 16);
        } catch (NumberFormatException malformed) {
            return CompletableFuture.completedFuture(false);
        }
        return counts.advance(response.username() + " " + response.nonce(), count, requestKey,
                () -> nonces.issuedAtMillis(response.nonce()));
    }

    /** The algorithms a realm's challenges offer: its client's choice, or the platform's default. */
    public List<DigestAlgorithm> offeredIn(String realm) {
        List<DigestAlgorithm> chosen = directory.client(realm).map(Client::digestAlgorithms).orElse(List.of());
        return chosen.isEmpty() ? platformDefault : chosen;
    }

    public Verdict.Challenge challenge(String realm, boolean stale) {
        String nonce = nonces.issue(realm);
        return new Verdict.Challenge(offeredIn(realm).stream()
                .map(algorithm -> new DigestChallenge(realm, nonce, algorithm, stale))
                .toList());
    }
}
