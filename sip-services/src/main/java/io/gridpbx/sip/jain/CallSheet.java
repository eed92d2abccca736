package io.gridpbx.sip.jain;

import io.gridpbx.core.dialog.CallFacts;
import io.gridpbx.core.dialog.CdrLeg;

/**
 * What a call's record learns while it is set up, on the node that routes it: the gateways tried and
 * what each answered, the forwards followed, the gateway that carried it and to which number, and how
 * long its payer's funds let it last. Used under the call's {@link ForkContext} lock only.
 */
final class CallSheet {

    private CallFacts facts;
    private long fundedSeconds;
    private String gateway = "";
    private String number = "";
    private String payer = "";

    /**
     * @param facts         as the routing decision knew them, stamped with the INVITE's time
     * @param fundedSeconds how long the funds let the call last once answered ({@link Long#MAX_VALUE}: no end)
     */
    CallSheet(CallFacts facts, long fundedSeconds) {
        this.facts = facts;
        this.fundedSeconds = fundedSeconds;
    }

    /** The call leaves for the PSTN, paid by {@code chargedClient}, to {@code e164}. */
    void toThePstn(String chargedClient, String e164) {
        payer = chargedClient;
        number = e164;
    }

    /** The call goes to this gateway now. */
    void trying(String gatewayId) {
        gateway = gatewayId;
    }

    /** The gateway tried last answered this final status (or was given up: 408); the call may go on. */
    void gatewayFailed(int status) {
        if (!gateway.isEmpty()) {
            facts = facts.withLeg(CdrLeg.gateway(gateway, status, ""));
            gateway = "";
        }
    }

    /** The call was forwarded, for {@code reason}, to {@code target}. */
    void forwarded(String target, String reason) {
        facts = facts.withLeg(CdrLeg.forward(target, reason));
    }

    /** The facts of the call answered now, with the 2xx's status on the gateway that carried it. */
    CallFacts answered(int status) {
        if (gateway.isEmpty()) {
            return facts;
        }
        CallFacts carried = facts.withLeg(CdrLeg.gateway(gateway, status, ""));
        return new CallFacts(carried.direction(), carried.dialled(), number, gateway, carried.invitedAtMillis(),
                payer.isEmpty() ? carried.chargedClient() : payer, carried.legs());
    }

    /** The facts of the call that ended unanswered with {@code status}. */
    CallFacts unanswered(int status) {
        gatewayFailed(status);
        return facts;
    }

    /** The call was sent to another number, whose price lets the funds pay {@code seconds} of it. */
    void refunded(long seconds) {
        fundedSeconds = seconds;
    }

    long fundedSeconds() {
        return fundedSeconds;
    }

    /** Whether the call's funds end it at some point. */
    boolean timed() {
        return fundedSeconds != Long.MAX_VALUE;
    }
}
