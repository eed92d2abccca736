package io.gridpbx.sip.proxy;

import io.gridpbx.core.auth.DigestAuthenticator.DigestChallenge;
import io.gridpbx.core.dialog.CallFacts;
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
     * @param facts        what the call's record starts from: its direction, the number dialled, who pays
     * @param fundedSeconds how long the payer's funds let the call last once answered ({@link Long#MAX_VALUE}: no end)
     */
    record Route(AddressOfRecord caller, String clientDomain, CalleeResolution target, CallFacts facts,
            long fundedSeconds) implements RequestDecision {
        public Route {
            if (target instanceof CalleeResolution.Refused) {
                throw new IllegalArgumentException("a refused call is a Refuse decision");
            }
            if (fundedSeconds <= 0) {
                throw new IllegalArgumentException("a call its funds cannot pay is a Refuse decision");
            }
        }

        /** An internal call of the caller's client, unlimited. */
        public Route(AddressOfRecord caller, String clientDomain, CalleeResolution target) {
            this(caller, clientDomain, target, CallFacts.internal(0, clientDomain), Long.MAX_VALUE);
        }

        public Route funded(long seconds) {
            return new Route(caller, clientDomain, target, facts, seconds);
        }
    }
}
