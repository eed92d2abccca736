package io.gridpbx.core.dialog;

import io.gridpbx.core.location.AddressOfRecord;
import java.util.List;

/**
 * A call detail record: one call as its caller saw it, as billing and reports see it, written once
 * when it ends, whether it was answered or not.
 *
 * @param clientDomain   the client the call belongs to (the caller's; the DID's for an inbound call)
 * @param startedAtMillis when the call began: its INVITE
 * @param answeredAtMillis when it was answered; equal to {@code endedAtMillis} for an unanswered call
 * @param disposition    {@code ANSWERED}, {@code MEDIA_TIMEOUT}, {@code MAX_DURATION}, {@code CREDIT_EXHAUSTED},
 *                       {@code DIALOG_TIMEOUT}, {@code HANGUP}; for an unanswered call {@code BUSY},
 *                       {@code NO_ANSWER}, {@code CANCELLED}, {@code REFUSED} or {@code FAILED}
 * @param finalStatus    the final SIP status the caller got
 * @param facts          direction, numbers, gateway and attempts
 * @param charge         what it cost; {@link Charge#NONE} until rated
 */
public record Cdr(String callId, String clientDomain, AddressOfRecord caller, AddressOfRecord callee,
        long startedAtMillis, long answeredAtMillis, long endedAtMillis, String disposition, String nodeId,
        int finalStatus, CallFacts facts, Charge charge) {

    public static final String ANSWERED = "ANSWERED";

    /** A record from before calls kept their facts: an answered internal call. */
    public Cdr(String callId, String clientDomain, AddressOfRecord caller, AddressOfRecord callee,
            long startedAtMillis, long answeredAtMillis, long endedAtMillis, String disposition, String nodeId) {
        this(callId, clientDomain, caller, callee, startedAtMillis, answeredAtMillis, endedAtMillis, disposition, nodeId,
                200, CallFacts.internal(startedAtMillis, clientDomain), Charge.NONE);
    }

    public long billableSeconds() {
        return answered() ? Math.max(0, (endedAtMillis - answeredAtMillis + 999) / 1000) : 0;
    }

    public boolean answered() {
        return finalStatus / 100 == 2;
    }

    public Direction direction() {
        return facts.direction();
    }

    public List<CdrLeg> legs() {
        return facts.legs();
    }

    public Cdr rated(Charge cost) {
        return new Cdr(callId, clientDomain, caller, callee, startedAtMillis, answeredAtMillis, endedAtMillis,
                disposition, nodeId, finalStatus, facts, cost);
    }

    public static Cdr answered(Dialog dialog, long endedAtMillis, String endingNode) {
        return answered(dialog, endedAtMillis, endingNode, ANSWERED);
    }

    /**
     * An answered call that ended otherwise than by a party's BYE: {@code MEDIA_TIMEOUT} when its media stopped.
     * A call whose funds set its end is recorded as ending there at the latest: the BYE the platform sends
     * then, or the dialog timeout after its node died, comes a little later, and its funds paid no more.
     */
    public static Cdr answered(Dialog dialog, long endedAtMillis, String endingNode, String disposition) {
        CallFacts facts = dialog.factsOrInternal();
        long ended = dialog.endsAtMillis() > 0 ? Math.min(endedAtMillis, dialog.endsAtMillis()) : endedAtMillis;
        return new Cdr(dialog.id().callId(), dialog.clientDomain(), dialog.caller(), dialog.callee(),
                Math.min(facts.invitedAtMillis(), dialog.startedAtMillis()), dialog.startedAtMillis(),
                Math.max(ended, dialog.startedAtMillis()), disposition, endingNode, 200, facts, Charge.NONE);
    }

    /** A call that got a final answer other than 2xx: never answered, costs nothing. */
    public static Cdr unanswered(String callId, String clientDomain, AddressOfRecord caller, AddressOfRecord callee,
            long endedAtMillis, String nodeId, int finalStatus, CallFacts facts) {
        return new Cdr(callId, clientDomain, caller, callee, facts.invitedAtMillis(), endedAtMillis, endedAtMillis,
                dispositionOf(finalStatus), nodeId, finalStatus, facts, Charge.NONE);
    }

    /** The disposition of an unanswered call by its final status. */
    public static String dispositionOf(int finalStatus) {
        return switch (finalStatus) {
            case 486, 600 -> "BUSY";
            case 408, 480 -> "NO_ANSWER";
            case 487 -> "CANCELLED";
            case 401, 402, 403, 407, 603 -> "REFUSED";
            default -> "FAILED";
        };
    }
}
