package io.gridpbx.sip.registrar;

import io.gridpbx.core.auth.DigestAuthenticator;
import io.gridpbx.core.auth.DigestResponse;
import io.gridpbx.core.location.BindingStore;
import io.gridpbx.core.location.RegisterOutcome;
import io.gridpbx.core.location.RegisterRequest;
import io.gridpbx.core.location.RegistrationPolicy;
import io.gridpbx.core.tenancy.Client;
import io.gridpbx.core.tenancy.TenancyRules;
import io.gridpbx.core.tenancy.TenantDirectory;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Decides a REGISTER, RFC 3261 section 10.3: the domain must be one of ours (step 1), the request
 * authenticated in the To domain's realm (step 3), the authenticated user must own the address of
 * record (step 4), then the binding update runs atomically on the AOR's owner in the grid. The
 * reply is a stage: a challenge or a refusal is decided at once, an accepted REGISTER completes
 * when the grid answered (its nonce-count, then its bindings), on the grid's callback threads.
 */
public final class Registrar {

    private static final RegisterOutcome.Rejected UNKNOWN_DOMAIN = RegisterOutcome.Rejected.of(404, "Domain Not Served");
    private static final RegisterOutcome.Rejected OTHER_REALM =
            RegisterOutcome.Rejected.of(403, "Auth User Not In To Domain");
    private static final RegisterOutcome.Rejected NOT_OWNER =
            RegisterOutcome.Rejected.of(403, "Auth User Does Not Own This AOR");

    private final TenantDirectory directory;
    private final DigestAuthenticator authenticator;
    private final BindingStore bindings;
    private final RegistrationPolicy policy;

    public Registrar(TenantDirectory directory, DigestAuthenticator authenticator, BindingStore bindings,
            RegistrationPolicy policy) {
        this.directory = directory;
        this.authenticator = authenticator;
        this.bindings = bindings;
        this.policy = policy;
    }

    /**
     * @param credentials the Authorization headers of the request, any realm
     */
    public CompletionStage<RegistrarReply> register(RegisterRequest request, List<DigestResponse> credentials) {
        String domain = request.aor().domain();
        Optional<Client> client = directory.client(domain);
        if (client.isEmpty()) {
            return done(UNKNOWN_DOMAIN);
        }
        DigestResponse answer = null;
        for (DigestResponse candidate : credentials) {
            if (candidate.realm().equalsIgnoreCase(domain)) {
                answer = candidate;
            }
        }
        if (answer == null && !credentials.isEmpty()) {
            // The phone authenticates as a user of another realm: a definite no, not another challenge.
            return done(OTHER_REALM);
        }
        RegistrationPolicy forClient = policy.withMaxContacts(client.get().maxContactsPerUser());
        return authenticator.authenticate("REGISTER", domain, answer,
                DigestAuthenticator.requestKey("REGISTER", request.callId(), request.cseq())).thenCompose(verdict ->
                switch (verdict) {
                    case DigestAuthenticator.Verdict.Challenge challenge -> CompletableFuture.completedFuture(
                            new RegistrarReply.Challenge(challenge.challenges(), challenge.failedUser()));
                    case DigestAuthenticator.Verdict.Authenticated authenticated ->
                            TenancyRules.mayRegister(authenticated.credentials(), request.aor())
                                    ? bindings.register(request, forClient).thenApply(RegistrarReply.Done::new)
                                    : done(NOT_OWNER);
                });
    }

    private static CompletionStage<RegistrarReply> done(RegisterOutcome outcome) {
        return CompletableFuture.completedFuture(new RegistrarReply.Done(outcome));
    }
}
