package io.gridpbx.sip.proxy;

import io.gridpbx.core.auth.DigestAuthenticator.DigestChallenge;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.routing.CalleeResolution;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the proxy does with an out-of-dialog request. */
public sealed interface RequestDecision {

    /**
     * 407 with one Proxy-Authenticate per challenge.
     *
     * @param failedUser {@code user@realm} when the request's answer was wrong (counted against password guessing)
     */
    record Challenge(List<DigestChallenge> challenges, @Nullable String failedUser) implements RequestDecision {
    }

    /** A final response, the request goes no further. */
    record Refuse(int status, String reason) implements RequestDecision {
    }

    /**
     * Send the call where its resolution says: a callee's contacts (in parallel, then on to its
     * forwarding when busy or unanswered), the PSTN's gateways (one after the other), after any diversions.
     *
     * @param caller       who calls: an authenticated user, or a carrier's caller for a call to a DID
     * @param clientDomain the client whose call it is (its media policy and counters)
     * @param target       never {@link CalleeResolution.Refused}: that is a {@link Refuse}
     */
    record Route(AddressOfRecord caller, String clientDomain, CalleeResolution target) implements RequestDecision {
        public Route {
            if (target instanceof CalleeResolution.Refused) {
                throw new IllegalArgumentException("a refused call is a Refuse decision");
            }
        }
    }
}
