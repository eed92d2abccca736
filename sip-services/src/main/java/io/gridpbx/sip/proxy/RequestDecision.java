package io.gridpbx.sip.proxy;

import io.gridpbx.core.auth.DigestAuthenticator.DigestChallenge;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.location.Binding;
import io.gridpbx.core.tenancy.User;
import io.gridpbx.core.trunking.OutboundPlan;
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
     * Fork to the callee's contacts (in parallel).
     *
     * @param caller       who calls: an authenticated user, or a carrier's caller for a call to a DID
     * @param clientDomain the client whose call it is (its media policy and counters)
     */
    record Fork(AddressOfRecord caller, String clientDomain, User callee, List<Binding> contacts)
            implements RequestDecision {
        public Fork {
            contacts = List.copyOf(contacts);
        }
    }

    /**
     * A user's call to the PSTN: try the plan's gateways one after the other.
     *
     * @param caller the authenticated user
     */
    record Trunk(AddressOfRecord caller, String clientDomain, OutboundPlan.Attempts plan) implements RequestDecision {
    }
}
