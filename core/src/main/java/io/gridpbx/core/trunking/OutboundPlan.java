package io.gridpbx.core.trunking;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a call to the PSTN does: the gateways to try in order, or why it goes nowhere. */
public sealed interface OutboundPlan {

    /**
     * @param presentedNumber the caller's DID, shown to the callee (P-Asserted-Identity); null when the client has none
     */
    record Attempts(DialledNumber number, List<TrunkAttempt> attempts, @Nullable String presentedNumber)
            implements OutboundPlan {
        public Attempts {
            attempts = List.copyOf(attempts);
            if (attempts.isEmpty()) {
                throw new IllegalArgumentException("a plan tries at least one gateway");
            }
        }
    }

    /** The call ends here with this final response; never 503, which would say the node is overloaded. */
    record Refused(int status, String reason) implements OutboundPlan {
    }
}
