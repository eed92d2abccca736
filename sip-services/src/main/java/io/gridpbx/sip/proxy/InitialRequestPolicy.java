package io.gridpbx.sip.proxy;

import io.gridpbx.core.auth.DigestAuthenticator;
import io.gridpbx.core.auth.DigestResponse;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.routing.CallRouter;
import io.gridpbx.core.routing.CalleeResolution;
import io.gridpbx.core.tenancy.SipCredentials;
import io.gridpbx.core.tenancy.TenantDirectory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Decides an out-of-dialog request between users: the caller's domain must be one of ours, the
 * caller must authenticate in its domain's realm as the user its From header names (no spoofing
 * of another extension), and the callee is resolved by the {@link CallRouter}. The decision is a
 * stage: a challenge or a refusal is complete at once, a call waits for the grid (the nonce-count,
 * then the callee's contacts) without holding a thread.
 */
public final class InitialRequestPolicy {

    private final TenantDirectory directory;
    private final DigestAuthenticator authenticator;
    private final CallRouter router;

    public InitialRequestPolicy(TenantDirectory directory, DigestAuthenticator authenticator, CallRouter router) {
        this.directory = directory;
        this.authenticator = authenticator;
        this.router = router;
    }

    /**
     * @param method      the request method (part of the digest)
     * @param caller      the From address of record
     * @param callee      the Request-URI as an address of record
     * @param credentials the Proxy-Authorization headers, any realm
     * @param requestKey  identifies the request across retransmissions ({@link DigestAuthenticator#requestKey})
     */
    public CompletionStage<RequestDecision> decide(String method, AddressOfRecord caller, AddressOfRecord callee,
            List<DigestResponse> credentials, String requestKey) {
        String realm = caller.domain();
        if (directory.client(realm).isEmpty()) {
            return CompletableFuture.completedFuture(new RequestDecision.Refuse(403, "Relaying Denied"));
        }
        DigestResponse answer = null;
        for (DigestResponse candidate : credentials) {
            if (candidate.realm().equalsIgnoreCase(realm)) {
                answer = candidate;
            }
        }
        return authenticator.authenticate(method, realm, answer, requestKey).thenCompose(verdict -> switch (verdict) {
            case DigestAuthenticator.Verdict.Challenge challenge -> CompletableFuture.completedFuture(
                    new RequestDecision.Challenge(challenge.challenges(), challenge.failedUser()));
            case DigestAuthenticator.Verdict.Authenticated authenticated -> route(authenticated.credentials(), caller, callee);
        });
    }

    private CompletionStage<RequestDecision> route(SipCredentials authenticated, AddressOfRecord caller,
            AddressOfRecord callee) {
        if (!authenticated.owner().equals(caller)) {
            return CompletableFuture.completedFuture(new RequestDecision.Refuse(403, "From Does Not Match Credentials"));
        }
        return router.resolve(authenticated, callee).thenApply(resolution -> switch (resolution) {
            case CalleeResolution.Refused refused -> new RequestDecision.Refuse(refused.status(), refused.reason());
            case CalleeResolution.Contacts contacts ->
                    new RequestDecision.Fork(authenticated, contacts.callee(), contacts.contacts());
        });
    }
}
