package io.gridpbx.core.limits;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The limits one call counts against, from the configuration: the user's profile ({@code maxCalls}),
 * and the caps a reseller set on its client and the platform set on the reseller. An unset cap counts
 * nothing. Calls from the PSTN to a DID count against the DID's client and reseller.
 */
public final class CallLimitRules {

    /** The configured caps, read from this node's memory. */
    public interface Caps {
        /** The profile's {@code maxCalls}, if the user has a profile that sets one. */
        OptionalInt ofUserProfile(String resellerRealm, @Nullable String profileId);

        OptionalInt ofClient(String clientDomain);

        OptionalInt ofReseller(String resellerRealm);

        /** How many calls the gateway may carry at once, if the platform caps it. */
        default OptionalInt ofGateway(String gatewayId) {
            return OptionalInt.empty();
        }

        /** How many calls a second the client may start, if its reseller caps that. */
        default OptionalInt callsPerSecondOf(String clientDomain) {
            return OptionalInt.empty();
        }
    }

    private final Caps caps;

    public CallLimitRules(Caps caps) {
        this.caps = caps;
    }

    /**
     * @param user          the calling user's address of record, or null for a call from the PSTN
     * @param profileId     that user's profile, if any
     */
    /** How many calls a second the client may start, if capped. */
    public OptionalInt callsPerSecond(String clientDomain) {
        return caps.callsPerSecondOf(clientDomain);
    }

    public List<CallLimit> limits(@Nullable String user, @Nullable String profileId, String clientDomain,
            String resellerRealm) {
        List<CallLimit> limits = new ArrayList<>(3);
        if (user != null) {
            caps.ofUserProfile(resellerRealm, profileId).ifPresent(max -> limits.add(CallLimit.ofUser(user, max)));
        }
        caps.ofClient(clientDomain).ifPresent(max -> limits.add(CallLimit.ofClient(clientDomain, max)));
        caps.ofReseller(resellerRealm).ifPresent(max -> limits.add(CallLimit.ofReseller(resellerRealm, max)));
        return limits;
    }
}
