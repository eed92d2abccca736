package io.gridpbx.core.dialog;

import io.gridpbx.core.location.AddressOfRecord;

/**
 * A call detail record: one call that ended, as billing and reports see it.
 *
 * @param clientDomain the client the call belongs to (the caller's)
 * @param disposition  {@code ANSWERED} for now; unanswered calls arrive with the B2BUA work
 */
public record Cdr(String callId, String clientDomain, AddressOfRecord caller, AddressOfRecord callee,
        long startedAtMillis, long answeredAtMillis, long endedAtMillis, String disposition, String nodeId) {

    public long billableSeconds() {
        return Math.max(0, (endedAtMillis - answeredAtMillis + 999) / 1000);
    }

    public static Cdr answered(Dialog dialog, long endedAtMillis, String endingNode) {
        return answered(dialog, endedAtMillis, endingNode, "ANSWERED");
    }

    /** An answered call that ended otherwise than by a party's BYE: {@code MEDIA_TIMEOUT} when its media stopped. */
    public static Cdr answered(Dialog dialog, long endedAtMillis, String endingNode, String disposition) {
        return new Cdr(dialog.id().callId(), dialog.caller().domain(), dialog.caller(), dialog.callee(),
                dialog.startedAtMillis(), dialog.startedAtMillis(), Math.max(endedAtMillis, dialog.startedAtMillis()),
                disposition, endingNode);
    }
}
