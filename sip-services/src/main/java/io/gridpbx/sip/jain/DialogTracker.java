package io.gridpbx.sip.jain;

import io.gridpbx.core.dialog.Cdr;
import io.gridpbx.core.dialog.Dialog;
import io.gridpbx.core.dialog.DialogId;
import io.gridpbx.core.dialog.DialogRegistry;
import io.gridpbx.core.limits.CallSlots;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jspecify.annotations.Nullable;

/**
 * Where the proxy keeps the dialogs it set up, and where the dialog check finds them: early dialogs
 * (a 1xx with a To tag, while the INVITE is pending) in this node's memory, confirmed dialogs in the
 * grid, and the ones this node confirmed in the last 32 seconds also here, for their ACK.
 */
final class DialogTracker {

    private final DialogRegistry grid;
    private final RecentDialogs recent;
    private final CallSlots slots;
    private final AnsweredCalls answered;
    private final BusyLamps lamps;
    /** Early dialogs by dialog key; an INVITE's early dialogs leave when its final response goes out. */
    private final ConcurrentHashMap<String, Dialog> early = new ConcurrentHashMap<>();

    /**
     * @param slots     where the call's slots of its limits go back when it ends
     * @param hangups   what ending an answered call from here takes: the SIP stack's side, and its timers
     * @param longestCall how long any answered call may last before this node ends it
     * @param lamps     what the calls' watchers are told
     */
    DialogTracker(DialogRegistry grid, RecentDialogs recent, CallSlots slots, JainSipResponder responder,
            JainSipSelf self, java.util.concurrent.ScheduledExecutorService hangups, java.time.Duration longestCall,
            BusyLamps lamps) {
        this.lamps = lamps;
        this.answered = new AnsweredCalls(responder, self, hangups, this::ended, longestCall);
        this.grid = grid;
        this.recent = recent;
        this.slots = slots;
    }

    void early(Dialog dialog) {
        if (early.put(dialog.id().key(), dialog) == null) {
            lamps.early(dialog);
        }
    }

    void earlyOver(List<String> keys) {
        for (String key : keys) {
            Dialog over = early.remove(key);
            if (over != null) {
                lamps.setUpOver(over);
            }
        }
    }

    /** A 2xx confirmed the dialog: kept here for its ACK and written to the grid (asynchronously). */
    void confirmed(Dialog dialog) {
        recent.put(dialog);
        grid.started(dialog);
        lamps.confirmed(dialog);
    }

    /**
     * A 2xx answered a call this node routed: kept so that it can be ended from here, at once or when
     * its funds run out ({@code fundedSeconds}; {@link Long#MAX_VALUE}: never).
     */
    void answered(Request invite, Response ok, long cseqShift, long fundedSeconds) {
        answered.answered(invite, ok, cseqShift, fundedSeconds);
    }

    /** A request passing in a dialog: the answered calls follow its CSeq. */
    void observe(Request inDialog) {
        answered.observe(inDialog);
    }

    /** Ends a call this node carries: a BYE to each party, its record with {@code disposition}. False when it carries no such call. */
    boolean hangUp(String callId, String disposition) {
        return answered.hangUp(callId, disposition);
    }

    /** A call of ours ended unanswered: its record. */
    void unanswered(Cdr cdr) {
        grid.unanswered(cdr);
    }

    /** A 2xx confirmed a dialog that another member routed and records: kept here only, for its ACK. */
    void relayed(Dialog dialog) {
        recent.put(dialog);
    }

    void refreshed(DialogId id, String senderTag, String senderContact, String responderContact) {
        recent.refreshed(id.key(), senderTag, senderContact, responderContact);
        grid.targetRefreshed(id, senderTag, senderContact, responderContact);
    }

    void ended(DialogId id) {
        ended(id, (Request) null);
    }

    /** A 2xx answered a BYE that passed here ({@code bye}; null when this node ended the call itself). */
    void ended(DialogId id, @Nullable Request bye) {
        answered.forget(id.callId());
        lamps.ended(recent.get(id.key()), id, bye);
        recent.remove(id.key());
        grid.ended(id);
        slots.release(id.callId());
    }

    /** Ended by this node rather than by a party's BYE: the CDR keeps why ({@code MEDIA_TIMEOUT}). */
    void ended(DialogId id, String disposition) {
        answered.forget(id.callId());
        lamps.ended(recent.get(id.key()), id, null);
        recent.remove(id.key());
        grid.ended(id, disposition);
        slots.release(id.callId());
    }

    /**
     * The versions of the dialog to check a request against, cheapest first: this node's early or
     * recent copy (no grid read), then the grid's, which the caller asks for only when the local copy
     * does not let the request pass (it may be older than a target refresh made on another node).
     */
    List<Dialog> local(DialogId id) {
        String key = id.key();
        List<Dialog> found = new ArrayList<>(1);
        Dialog earlyDialog = early.get(key);
        if (earlyDialog != null) {
            found.add(earlyDialog);
        }
        Dialog recentDialog = recent.get(key);
        if (recentDialog != null) {
            found.add(recentDialog);
        }
        return found;
    }

    CompletionStage<Optional<Dialog>> inGrid(DialogId id) {
        return grid.find(id);
    }
}
