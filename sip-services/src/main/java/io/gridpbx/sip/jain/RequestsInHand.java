package io.gridpbx.sip.jain;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import org.jspecify.annotations.Nullable;

/**
 * Requests being decided: taken in hand by the listener, and neither answered nor given a server
 * transaction yet. Their decision waits on the grid (digest, location, dialog proof, media), and
 * until it is made no transaction exists that would absorb a retransmission; without this, each
 * retransmission of a slow request is decided again, which is how a node that is late gets later
 * (under load, half the requests a proxy sees can be retransmissions). A copy of a request in hand
 * is dropped: the original's answer is on its way, and the sender retransmits again if it is lost.
 *
 * <p>Requests match as RFC 3261 section 17.2.3 matches them to a server transaction: the top Via's
 * branch (with the magic cookie) and sent-by, and the CSeq method. A request is let go when a
 * response to it is sent ({@link JainSipResponder} passes every one here) or when it got its server
 * transaction, which absorbs retransmissions from then on. One that is never answered (a sender
 * that cannot be reached) is forgotten after {@link #FORGET_NANOS}, so a retransmission after that
 * is decided afresh.
 */
final class RequestsInHand {

    /** Past INVITE's fourth retransmission (T1 = 500 ms): a decision that takes longer has failed. */
    static final long FORGET_NANOS = 8_000_000_000L;
    private static final int SWEEP_EVERY = 4096;
    private static final String MAGIC_COOKIE = "z9hG4bK";

    private final ConcurrentHashMap<String, Long> takenAt = new ConcurrentHashMap<>();
    private final AtomicLong takes = new AtomicLong();

    /**
     * Takes the request in hand at {@code nowNanos}; false when a copy of it is already in hand (the
     * caller drops this one). A request without an RFC 3261 branch cannot be matched and is always taken.
     */
    boolean take(Message request, long nowNanos) {
        String key = keyOf(request);
        if (key == null) {
            return true;
        }
        if (takes.incrementAndGet() % SWEEP_EVERY == 0) {
            forgetOlderThan(nowNanos - FORGET_NANOS);
        }
        Long earlier = takenAt.putIfAbsent(key, nowNanos);
        return earlier == null || nowNanos - earlier > FORGET_NANOS && takenAt.replace(key, earlier, nowNanos);
    }

    /** Lets the request go: it was answered (a response to it is given here) or has its server transaction. */
    void letGo(Message requestOrResponse) {
        String key = keyOf(requestOrResponse);
        if (key != null) {
            takenAt.remove(key);
        }
    }

    /** How many requests are in hand now. */
    int size() {
        return takenAt.size();
    }

    private void forgetOlderThan(long limitNanos) {
        takenAt.values().removeIf(taken -> taken - limitNanos < 0);
    }

    private static @Nullable String keyOf(Message message) {
        ViaHeader via = (ViaHeader) message.getHeader(ViaHeader.NAME);
        CSeqHeader cseq = (CSeqHeader) message.getHeader(CSeqHeader.NAME);
        if (via == null || cseq == null) {
            return null;
        }
        String branch = via.getBranch();
        if (branch == null || !branch.startsWith(MAGIC_COOKIE)) {
            return null;
        }
        return branch + ' ' + cseq.getMethod() + ' ' + via.getHost() + ':' + via.getPort();
    }
}
