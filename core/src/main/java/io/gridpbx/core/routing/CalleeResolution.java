package io.gridpbx.core.routing;

import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.location.Binding;
import io.gridpbx.core.tenancy.User;
import io.gridpbx.core.trunking.OutboundPlan;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Where a call goes, or why it goes nowhere, with the SIP status that says so. */
public sealed interface CalleeResolution {

    /** The first leg a call rings: past its unconditional forwards. */
    static CalleeResolution firstLeg(CalleeResolution target) {
        CalleeResolution leg = target;
        while (leg instanceof Diverted diverted) {
            leg = diverted.to();
        }
        return leg;
    }

    /** Whether the call goes to an emergency number, which no limit or balance may stop. */
    static boolean emergency(CalleeResolution target) {
        return firstLeg(target) instanceof Pstn pstn && pstn.plan().number().emergency();
    }

    /**
     * Fork to these contacts, most preferred first; when they are busy or do not answer, the call may
     * go on where the callee's forwarding says.
     *
     * @param onBusy          where a busy callee (486, 600 from every contact) sends the call; null: the caller hears busy
     * @param onNoAnswer      where the call goes after {@code noAnswerSeconds} of ringing, or when no contact answers at all
     * @param noAnswerSeconds how long the contacts ring before {@code onNoAnswer}
     */
    record Contacts(User callee, List<Binding> contacts, @Nullable Diverted onBusy, @Nullable Diverted onNoAnswer,
            int noAnswerSeconds) implements CalleeResolution {
        public Contacts {
            contacts = List.copyOf(contacts);
        }

        public Contacts(User callee, List<Binding> contacts) {
            this(callee, contacts, null, null, 0);
        }
    }

    /**
     * To the PSTN through these gateways, on behalf of {@code chargedUser}: the caller itself, or the
     * user whose forwarding sent the call to a number (its profile and DID apply).
     */
    record Pstn(User chargedUser, OutboundPlan.Attempts plan) implements CalleeResolution {
    }

    /**
     * The call was sent on by a user's forwarding (RFC 5806 Diversion): then goes where {@code to} says.
     *
     * @param reason {@code unconditional}, {@code user-busy}, {@code no-answer} or {@code unavailable}
     */
    record Diverted(AddressOfRecord by, String reason, CalleeResolution to) implements CalleeResolution {
    }

    /** The call ends here with a final response. */
    record Refused(int status, String reason) implements CalleeResolution {
    }
}
