package io.gridpbx.sip.proxy;

import io.gridpbx.core.routing.CalleeResolution;
import io.gridpbx.core.tenancy.User;
import java.util.concurrent.CompletionStage;

/**
 * What the legs a call meets after its admission must pass before they are sent: a forward to the
 * PSTN (on busy, on no answer) is paid by the forwarding user's funds, and a carrier's redirect goes
 * through the payer's profile, routes and funds as if dialled.
 */
public interface LaterLegs {

    /** A carrier redirected the call to {@code number}. */
    CompletionStage<InitialRequestPolicy.Redirect> redirect(User payer, String number);

    /** The call is forwarded to the PSTN: whether its payer's funds let it go, and for how long. */
    CompletionStage<InitialRequestPolicy.Redirect> fund(CalleeResolution.Pstn pstn);
}
