package io.gridpbx.sip.jain;

import io.gridpbx.core.dialog.DialogId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import javax.sip.SipException;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answered calls this node routed, as ending one from the middle needs them (what Kamailio's dialog
 * module keeps for {@code dlg_end_dlg}): each party's identity, target and route, and the CSeqs each
 * uses in the dialog, so that a BYE in its name goes above them. A call ends from here when an admin
 * hangs it up, and when its time is up: a prepaid call once its balance has paid all it can (what
 * Kamailio's cnxcc does), any call at the longest a call may last (Kamailio's dialog timeout). Either way each party gets a BYE as if the other had hung up, and the
 * dialog ends in the grid with the reason in its record.
 */
final class AnsweredCalls implements AutoCloseable {

    static final String CREDIT_EXHAUSTED = "CREDIT_EXHAUSTED";
    static final String MAX_DURATION = "MAX_DURATION";
    private static final Logger LOG = LoggerFactory.getLogger(AnsweredCalls.class);

    private record Answered(JainSipHangup hangup, String callerTag, @Nullable ScheduledFuture<?> deadline) {
    }

    private final JainSipResponder responder;
    private final JainSipSelf self;
    private final ScheduledExecutorService timers;
    private final BiConsumer<DialogId, String> ended;
    private final long longestCallSeconds;
    private final Map<String, Answered> calls = new ConcurrentHashMap<>();

    /**
     * @param ended       told the dialog and why, when a call ends from here
     * @param longestCall how long any answered call may last ({@link io.gridpbx.sip.TrunkTimers#longestCall})
     */
    AnsweredCalls(JainSipResponder responder, JainSipSelf self, ScheduledExecutorService timers,
            BiConsumer<DialogId, String> ended, java.time.Duration longestCall) {
        this.longestCallSeconds = longestCall.toSeconds();
        this.responder = responder;
        this.self = self;
        this.timers = timers;
        this.ended = ended;
    }

    /**
     * The call of this INVITE was answered by this 2xx. Nothing is kept when the 2xx does not route the
     * dialog through this node.
     *
     * @param cseqShift     what the callee's side adds to the caller's CSeqs
     * @param fundedSeconds when its funds end it, in seconds; {@link Long#MAX_VALUE} for never
     */
    void answered(Request invite, Response ok, long cseqShift, long fundedSeconds) {
        JainSipHangup hangup = JainSipHangup.of(responder, self, invite, ok);
        String callId = JainSipMessages.callId(invite);
        if (hangup == null) {
            LOG.warn("Call-ID {} cannot be ended from here (its funds, the longest call): its dialog does not pass here",
                    callId);
            return;
        }
        hangup.shiftCallerCSeq(cseqShift);
        // Every call ends by the longest call allowed at the latest, a paid one when its funds run out.
        boolean funds = fundedSeconds < longestCallSeconds;
        String why = funds ? CREDIT_EXHAUSTED : MAX_DURATION;
        ScheduledFuture<?> deadline = timers.schedule(() -> hangUp(callId, why),
                funds ? fundedSeconds : longestCallSeconds, TimeUnit.SECONDS);
        Answered before = calls.put(callId, new Answered(hangup, JainSipMessages.fromTag(invite), deadline));
        if (before != null && before.deadline() != null) {
            before.deadline().cancel(false);
        }
    }

    /** A request of a dialog passing here: the call learns the CSeq its sender uses now. */
    void observe(Request inDialog) {
        if (calls.isEmpty()) {
            return;
        }
        Answered call = calls.get(JainSipMessages.callId(inDialog));
        if (call != null) {
            call.hangup().observe(inDialog, JainSipMessages.fromTag(inDialog).equals(call.callerTag()));
        }
    }

    /** The call ended otherwise (a BYE): nothing more to do for it. */
    void forget(String callId) {
        if (calls.isEmpty()) {
            return;
        }
        Answered call = calls.remove(callId);
        if (call != null && call.deadline() != null) {
            call.deadline().cancel(false);
        }
    }

    /** Ends the call from here: a BYE to each party, the dialog ended with {@code disposition}. False when this node does not carry it. */
    boolean hangUp(String callId, String disposition) {
        Answered call = calls.remove(callId);
        if (call == null) {
            return false;
        }
        if (call.deadline() != null) {
            call.deadline().cancel(false);
        }
        try {
            call.hangup().hangUp();
        } catch (SipException unsent) {
            LOG.warn("end of Call-ID {} ({}): {}", callId, disposition, unsent.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("end of Call-ID {} ({}) failed", callId, disposition, e);
        }
        ended.accept(call.hangup().dialogId(), disposition);
        LOG.info("ended Call-ID {} ({}): a BYE went to each party", callId, disposition);
        return true;
    }

    /** Answered calls this node carries now. */
    int size() {
        return calls.size();
    }

    @Override
    public void close() {
        calls.values().forEach(call -> {
            if (call.deadline() != null) {
                call.deadline().cancel(false);
            }
        });
        calls.clear();
    }
}
