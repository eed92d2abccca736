package io.gridpbx.sip.registrar;

import io.gridpbx.core.auth.DigestAuthenticator.DigestChallenge;
import io.gridpbx.core.location.RegisterOutcome;
import java.util.List;

/** What to answer to a REGISTER. */
public sealed interface RegistrarReply {

    /** 401 with one WWW-Authenticate per challenge. */
    record Challenge(List<DigestChallenge> challenges) implements RegistrarReply {
    }

    /** 200 with the live bindings, or the rejection the rules or the checks produced. */
    record Done(RegisterOutcome outcome) implements RegistrarReply {
    }
}
