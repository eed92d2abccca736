package io.gridpbx.sip.registrar;

import io.gridpbx.core.auth.DigestAuthenticator.DigestChallenge;
import io.gridpbx.core.location.RegisterOutcome;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What to answer to a REGISTER. */
public sealed interface RegistrarReply {

    /**
     * 401 with one WWW-Authenticate per challenge.
     *
     * @param failedUser {@code user@realm} when the request's answer was wrong (counted against password guessing)
     */
    record Challenge(List<DigestChallenge> challenges, @Nullable String failedUser) implements RegistrarReply {
    }

    /** 200 with the live bindings, or the rejection the rules or the checks produced. */
    record Done(RegisterOutcome outcome) implements RegistrarReply {
    }
}
