package io.gridpbx.node.xcap;

import io.gridpbx.core.auth.DigestAuthenticator;
import io.gridpbx.core.auth.DigestResponse;
import io.gridpbx.core.digest.DigestAlgorithm;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.provisioning.HttpDigestAuthorization;
import io.gridpbx.core.tenancy.SipCredentials;
import io.gridpbx.core.tenancy.TenantDirectory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who sends an XCAP request, by its SIP credentials (RFC 4825 section 9 leaves the scheme to the server; HTTP
 * Digest is the one it names). Digest (RFC 7616) is checked as the registrar checks a REGISTER: the cluster's
 * nonces, the realm's algorithms, the nonce-count against replays, and here also the {@code uri} parameter
 * against the request's target, so an answer cannot be moved to another document. The challenge's realm is
 * the document owner's domain; an answer in another realm (a user of another domain) is checked in that realm.
 *
 * <p>Basic (RFC 7617) with {@code authUser} or {@code authUser@domain} and the SIP password is accepted too,
 * on the same port, for clients that lack Digest: it sends the password in clear, so a production deployment
 * must front {@code /xcap} with TLS (the node's HTTP port is plain HTTP).
 */
final class XcapAuthentication {

    private static final Logger LOG = LoggerFactory.getLogger(XcapAuthentication.class);
    private static final int MAX_HEADER = 4096;

    /** What the request proved. */
    sealed interface Result {
        /** The request comes from this user. */
        record Authenticated(AddressOfRecord user) implements Result {
        }

        /** 401 with these {@code WWW-Authenticate} values, Digest first (RFC 7616 section 3.7). */
        record Challenge(List<String> wwwAuthenticate) implements Result {
        }
    }

    private final DigestAuthenticator digest;
    private final TenantDirectory directory;
    private final Duration deadline;

    /** @param deadline how long an HTTP thread waits for the grid's replay check */
    XcapAuthentication(DigestAuthenticator digest, TenantDirectory directory, Duration deadline) {
        this.digest = digest;
        this.directory = directory;
        this.deadline = deadline;
    }

    /**
     * @param requestTarget the request line's target, path and query, as the client's Digest {@code uri} names it
     * @param realm         the realm to challenge in: the domain of the document's owner
     */
    Result authenticate(String method, String requestTarget, @Nullable String authorization, String realm) {
        if (authorization == null || authorization.length() > MAX_HEADER) {
            return challenge(realm);
        }
        if (authorization.regionMatches(true, 0, "Digest ", 0, 7)) {
            Optional<DigestResponse> response = HttpDigestAuthorization.parse(authorization);
            if (response.isEmpty() || !response.get().uri().equals(requestTarget)) {
                return challenge(realm);
            }
            return digest(method, response.get(), realm);
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(authorization.substring(6).strip(), realm);
        }
        return challenge(realm);
    }

    private Result digest(String method, DigestResponse response, String realm) {
        try {
            // The replay check is one grid round trip, bounded here: an HTTP thread may wait, not forever.
            DigestAuthenticator.Verdict verdict = digest.authenticate(method, response.realm(), response)
                    .toCompletableFuture().get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            return switch (verdict) {
                case DigestAuthenticator.Verdict.Authenticated ok -> new Result.Authenticated(ok.credentials().owner());
                case DigestAuthenticator.Verdict.Challenge again -> new Result.Challenge(headers(again.challenges(),
                        again.challenges().isEmpty() ? realm : again.challenges().getFirst().realm()));
            };
        } catch (IllegalArgumentException notADomain) {
            return challenge(realm);
        } catch (ExecutionException | TimeoutException failed) {
            LOG.warn("XCAP digest check of {} failed: {}", response.username(), failed.toString());
            return challenge(realm);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return challenge(realm);
        }
    }

    /** Checks a Basic password against the HA1 the registrar keeps (RFC 7616 section 3.4.2), in constant time. */
    private Result basic(String encoded, String realm) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return challenge(realm);
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return challenge(realm);
        }
        String name = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        int at = name.lastIndexOf('@');
        String authUser = at < 0 ? name : name.substring(0, at);
        String userRealm = at < 0 ? realm : name.substring(at + 1);
        Optional<SipCredentials> credentials;
        try {
            credentials = directory.credentials(authUser, userRealm);
        } catch (IllegalArgumentException badRealm) {
            return challenge(realm);
        }
        if (credentials.isPresent() && MessageDigest.isEqual(
                credentials.get().ha1Md5().getBytes(StandardCharsets.US_ASCII),
                DigestAlgorithm.MD5.ha1(credentials.get().authUser(), credentials.get().realm(), password)
                        .getBytes(StandardCharsets.US_ASCII))) {
            return new Result.Authenticated(credentials.get().owner());
        }
        return challenge(realm);
    }

    private Result challenge(String realm) {
        return new Result.Challenge(headers(digest.challenge(realm, false).challenges(), realm));
    }

    private static List<String> headers(List<DigestAuthenticator.DigestChallenge> challenges, String realm) {
        List<String> values = new ArrayList<>();
        for (DigestAuthenticator.DigestChallenge c : challenges) {
            values.add("Digest realm=\"" + c.realm() + "\", nonce=\"" + c.nonce() + "\", algorithm="
                    + c.algorithm().token() + ", qop=\"auth\"" + (c.stale() ? ", stale=true" : ""));
        }
        values.add("Basic realm=\"" + realm + "\", charset=\"UTF-8\"");
        return List.copyOf(values);
    }
}
