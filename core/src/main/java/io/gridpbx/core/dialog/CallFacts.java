package io.gridpbx.core.dialog;

import java.util.ArrayList;
import java.util.List;

/**
 * What a call's record needs beyond its parties, learnt while it was set up: its direction, the number
 * dialled and its E.164 form, the gateway that carried it, when the INVITE came, who pays for it, and
 * its attempts (gateways and forwards) in order.
 *
 * @param dialled       what the caller dialled (the Request-URI's user), blank when internal
 * @param e164          the PSTN number: the one called out (as rated), or the DID called in; blank for neither
 * @param gateway       the gateway that carried it out, blank for none (an inbound call names no gateway
 *                      unless it was forwarded out through one)
 * @param chargedClient the client whose balance pays it (the caller's, or a forwarding user's)
 */
public record CallFacts(Direction direction, String dialled, String e164, String gateway, long invitedAtMillis,
        String chargedClient, List<CdrLeg> legs) {

    public CallFacts {
        legs = List.copyOf(legs);
    }

    public static CallFacts internal(long invitedAtMillis, String clientDomain) {
        return new CallFacts(Direction.INTERNAL, "", "", "", invitedAtMillis, clientDomain, List.of());
    }

    /** These facts, of a call whose INVITE came at {@code millis}. */
    public CallFacts invitedAt(long millis) {
        return new CallFacts(direction, dialled, e164, gateway, millis, chargedClient, legs);
    }

    public CallFacts withLeg(CdrLeg leg) {
        List<CdrLeg> more = new ArrayList<>(legs);
        more.add(leg);
        return new CallFacts(direction, dialled, e164, gateway, invitedAtMillis, chargedClient, more);
    }

    /** The call went out (or on) through this gateway, to this E.164 number. */
    public CallFacts through(Direction way, String gatewayId, String number) {
        return new CallFacts(way, dialled, number, gatewayId, invitedAtMillis, chargedClient, legs);
    }

    /** Whether the call is rated: it went out through a gateway. */
    public boolean billable() {
        return !gateway.isEmpty() && !e164.isEmpty();
    }
}
