package io.gridpbx.sip.proxy;

import io.gridpbx.core.auth.DigestAuthenticator.DigestChallenge;
import io.gridpbx.core.location.Binding;
import io.gridpbx.core.tenancy.SipCredentials;
import io.gridpbx.core.tenancy.User;
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

    /** Fork to the callee's contacts (in parallel). */
    record Fork(SipCredentials caller, User callee, List<Binding> contacts) implements RequestDecision {
        public Fork {
            contacts = List.copyOf(contacts);
        }
    }
}
