package io.gridpbx.core.dialog;

import io.gridpbx.core.location.AddressOfRecord;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An established call between two users as the proxy tracked it: who called whom, in which client
 * domain, since when and through which node, and where each party's in-dialog requests may go.
 * The identity's {@code fromTag} is the caller's tag and {@code toTag} the callee's.
 *
 * @param callerTarget where requests towards the caller go; null for a dialog tracked before targets were kept
 * @param calleeTarget where requests towards the callee go; null likewise
 * @param facts        what its CDR needs beyond the parties; null for a dialog tracked before they were kept
 * @param endsAtMillis when the platform ends it (its funds or the longest call allowed run out); 0 for never
 * @param cseqShift    what the callee's side adds to the CSeq of the caller's requests: the INVITE the
 *                     callee answered was sent again with a higher CSeq to answer a carrier's digest
 *                     challenge, so the caller's ACK and later requests go up by as much, and their
 *                     responses come back down (what Kamailio's dialog module does after uac_auth)
 */
public record Dialog(DialogId id, AddressOfRecord caller, AddressOfRecord callee, long startedAtMillis, String nodeId,
        @Nullable DialogTarget callerTarget, @Nullable DialogTarget calleeTarget, @Nullable CallFacts facts,
        long endsAtMillis, long cseqShift) {

    public Dialog(DialogId id, AddressOfRecord caller, AddressOfRecord callee, long startedAtMillis, String nodeId,
            @Nullable DialogTarget callerTarget, @Nullable DialogTarget calleeTarget, @Nullable CallFacts facts,
            long endsAtMillis) {
        this(id, caller, callee, startedAtMillis, nodeId, callerTarget, calleeTarget, facts, endsAtMillis, 0);
    }

    public Dialog(DialogId id, AddressOfRecord caller, AddressOfRecord callee, long startedAtMillis, String nodeId,
            @Nullable DialogTarget callerTarget, @Nullable DialogTarget calleeTarget) {
        this(id, caller, callee, startedAtMillis, nodeId, callerTarget, calleeTarget, null, 0);
    }

    /** A dialog known only by its parties (the management views and reports need no targets). */
    public Dialog(DialogId id, AddressOfRecord caller, AddressOfRecord callee, long startedAtMillis, String nodeId) {
        this(id, caller, callee, startedAtMillis, nodeId, null, null);
    }

    /**
     * Where a request sent by the party with {@code senderTag} may go: the other party's target. Empty
     * when the tag is neither party's, or when the dialog does not know its targets; such a request is
     * not forwarded (an in-dialog request may only ever reach the dialog's other party).
     */
    public Optional<DialogTarget> peerOf(String senderTag) {
        if (senderTag.equals(id.fromTag())) {
            return Optional.ofNullable(calleeTarget);
        }
        if (senderTag.equals(id.toTag())) {
            return Optional.ofNullable(callerTarget);
        }
        return Optional.empty();
    }

    /**
     * The dialog after a successful target refresh (RFC 3261 section 12.2: a re-INVITE or UPDATE and
     * its 2xx replace the remote targets of both ends with their new Contacts). A blank contact keeps
     * the old one.
     */
    public Dialog refreshed(String senderTag, String senderContact, String responderContact) {
        if (callerTarget == null || calleeTarget == null) {
            return this;
        }
        if (senderTag.equals(id.fromTag())) {
            return withTargets(callerTarget.withContact(senderContact), calleeTarget.withContact(responderContact));
        }
        if (senderTag.equals(id.toTag())) {
            return withTargets(callerTarget.withContact(responderContact), calleeTarget.withContact(senderContact));
        }
        return this;
    }

    private Dialog withTargets(DialogTarget toCaller, DialogTarget toCallee) {
        return new Dialog(id, caller, callee, startedAtMillis, nodeId, toCaller, toCallee, facts, endsAtMillis, cseqShift);
    }

    /** The dialog with what its CDR needs, and when the platform ends it (0: never). */
    public Dialog withFacts(CallFacts callFacts, long endsAt) {
        return new Dialog(id, caller, callee, startedAtMillis, nodeId, callerTarget, calleeTarget, callFacts, endsAt,
                cseqShift);
    }

    /** The dialog whose callee took the INVITE with a CSeq {@code shift} above the caller's. */
    public Dialog withCSeqShift(long shift) {
        return new Dialog(id, caller, callee, startedAtMillis, nodeId, callerTarget, calleeTarget, facts, endsAtMillis,
                shift);
    }

    /** What to add to the CSeq of a request sent by the party with {@code senderTag}: the shift for the caller's, else 0. */
    public long cseqShiftOf(String senderTag) {
        return senderTag.equals(id.fromTag()) ? cseqShift : 0;
    }

    /** Its facts, or those of an internal call of the caller's client for a dialog that kept none. */
    public CallFacts factsOrInternal() {
        return facts != null ? facts : CallFacts.internal(startedAtMillis, caller.domain());
    }

    /** The client the call belongs to: the one that pays it, else the caller's. */
    public String clientDomain() {
        return facts != null && !facts.chargedClient().isEmpty() ? facts.chargedClient() : caller.domain();
    }
}
