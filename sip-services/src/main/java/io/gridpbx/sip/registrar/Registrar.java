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

/**
 * Decides a REGISTER, RFC 3261 section 10.3: the domain must be one of ours (step 1), the request
 * authenticated in the To domain's realm (step 3), the authenticated user must own the address of
 * record (step 4), then the binding update runs atomically on the AOR's owner in the grid.
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
    public RegistrarReply register(RegisterRequest request, List<DigestResponse> credentials) {
        String domain = request.aor().domain();
        Optional<Client> client = directory.client(domain);
        if (client.isEmpty()) {
            return new RegistrarReply.Done(UNKNOWN_DOMAIN);
        }
        DigestResponse answer = null;
        for (DigestResponse candidate : credentials) {
            if (candidate.realm().equalsIgnoreCase(domain)) {
                answer = candidate;
            }
        }
        if (answer == null && !credentials.isEmpty()) {
            // The phone authenticates as a user of another realm: a definite no, not another challenge.
            return new RegistrarReply.Done(OTHER_REALM);
        }
        DigestAuthenticator.Verdict verdict = authenticator.authenticate("REGISTER", domain, answer,
                DigestAuthenticator.requestKey("REGISTER", request.callId(), request.cseq()));
        if (verdict instanceof DigestAuthenticator.Verdict.Challenge challenge) {
            return new RegistrarReply.Challenge(challenge.challenges(), challenge.failedUser());
        }
        var authenticated = (DigestAuthenticator.Verdict.Authenticated) verdict;
        if (!TenancyRules.mayRegister(authenticated.credentials(), request.aor())) {
            return new RegistrarReply.Done(NOT_OWNER);
        }
        RegistrationPolicy forClient = policy.withMaxContacts(client.get().maxContactsPerUser());
        return new RegistrarReply.Done(bindings.register(request, forClient));
    }
}
