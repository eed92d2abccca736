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
 * The answered calls this node ends when their time is up: a prepaid call when its balance has paid
 * all it can (what Kamailio's cnxcc does). At the deadline each party gets a BYE as if the other had
 * hung up, and the dialog ends in the grid with the reason in its record. The CSeqs each party uses in
 * the dialog are followed, so that the BYE in its name goes above them.
 */
final class CallDeadlines implements AutoCloseable {

    static final String CREDIT_EXHAUSTED = "CREDIT_EXHAUSTED";
    private static final Logger LOG = LoggerFactory.getLogger(CallDeadlines.class);

    private record Timed(JainSipHangup hangup, String callerTag, ScheduledFuture<?> timer) {
    }

    private final JainSipResponder responder;
    private final JainSipSelf self;
    private final ScheduledExecutorService timers;
    private final Map<String, Timed> calls = new ConcurrentHashMap<>();

    CallDeadlines(JainSipResponder responder, JainSipSelf self, ScheduledExecutorService timers) {
        this.responder = responder;
        this.self = self;
        this.timers = timers;
    }

    /**
     * The call of this INVITE, answered by this 2xx, ends in {@code seconds}: {@code end} is then told its
     * dialog and why. Nothing happens when the 2xx does not route the dialog through this node.
     *
     * @param cseqShift what the callee's side adds to the caller's CSeqs
     */
    void start(Request invite, Response ok, long seconds, long cseqShift, BiConsumer<DialogId, String> end) {
        JainSipHangup hangup = JainSipHangup.of(responder, self, invite, ok);
        if (hangup != null) {
            hangup.shiftCallerCSeq(cseqShift);
        }
        if (hangup == null) {
            LOG.warn("Call-ID {} cannot be ended from here when its funds run out: its dialog does not pass here",
                    JainSipMessages.callId(invite));
            return;
        }
        String callId = JainSipMessages.callId(invite);
        ScheduledFuture<?> timer = timers.schedule(() -> expire(callId, end), seconds, TimeUnit.SECONDS);
        Timed before = calls.put(callId, new Timed(hangup, JainSipMessages.fromTag(invite), timer));
        if (before != null) {
            before.timer().cancel(false);
        }
    }

    /** A request of a dialog passing here: a timed call learns the CSeq its sender uses now. */
    void observe(Request inDialog) {
        if (calls.isEmpty()) {
            return;
        }
        Timed call = calls.get(JainSipMessages.callId(inDialog));
        if (call != null) {
            call.hangup().observe(inDialog, JainSipMessages.fromTag(inDialog).equals(call.callerTag()));
        }
    }

    /** The call ended otherwise (a BYE): no deadline any more. */
    void cancel(String callId) {
        if (calls.isEmpty()) {
            return;
        }
        Timed call = calls.remove(callId);
        if (call != null) {
            call.timer().cancel(false);
        }
    }

    /** Calls this node will end at a deadline. */
    int timed() {
        return calls.size();
    }

    private void expire(String callId, BiConsumer<DialogId, String> end) {
        @Nullable Timed call = calls.remove(callId);
        if (call == null) {
            return;
        }
        try {
            call.hangup().hangUp();
        } catch (SipException unsent) {
            LOG.warn("end of Call-ID {} at its deadline: {}", callId, unsent.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("end of Call-ID {} at its deadline failed", callId, e);
        }
        end.accept(call.hangup().dialogId(), CREDIT_EXHAUSTED);
        LOG.info("ended Call-ID {} ({}): a BYE went to each party", callId, CREDIT_EXHAUSTED);
    }

    @Override
    public void close() {
        calls.values().forEach(call -> call.timer().cancel(false));
        calls.clear();
    }
}
