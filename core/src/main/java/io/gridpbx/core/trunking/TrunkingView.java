package io.gridpbx.core.trunking;

import java.util.Collection;
import java.util.Optional;

/**
 * Trunking configuration as the call path reads it: every read answers from this node's memory
 * (a mirror of the grid's maps), never through a remote call. It also knows the caps of concurrent
 * calls the configuration sets (user profiles, client and reseller limits).
 */
public interface TrunkingView extends io.gridpbx.core.limits.CallLimitRules.Caps {

    Optional<Gateway> gateway(String id);

    /** Every gateway, for the probes. */
    Collection<Gateway> gateways();

    /** Every outbound route, of every owner. */
    Collection<OutboundRoute> routes();

    Optional<Did> did(String number);

    /** The gateway whose host is this source address: a carrier sending us a call. */
    Optional<Gateway> carrierAt(String sourceAddress);

    /** Whether the gateway takes calls now (not found down by its probes). */
    boolean isUp(String gatewayId);

    /** The number a user's calls present: a DID routed to it, else its client's lowest DID. */
    Optional<String> presentedNumber(String clientDomain, String extension);

    /** The client's dial plan, {@link DialPlan#NORTH_AMERICA} until it sets one. */
    DialPlan dialPlan(String clientDomain);

    /** What the user profile {@code profileId} of this reseller lets its users call. */
    CallingRights rights(String resellerRealm, String profileId);

    /** A ported number's routing, when the platform keeps one for it. */
    Optional<PortedNumber> ported(String e164);
}
