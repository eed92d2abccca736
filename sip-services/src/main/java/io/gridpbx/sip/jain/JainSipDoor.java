package io.gridpbx.sip.jain;

import io.gridpbx.core.security.EdgeGuard;
import io.gridpbx.sip.SipCounters;
import io.gridpbx.sip.overload.AdmissionThrottle;
import io.gridpbx.sip.overload.Urgency;
import java.io.IOException;
import java.net.DatagramPacket;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an overloaded node turns new requests away: on the socket thread, as each datagram is read,
 * before it is queued, parsed or given a transaction. A request the {@link AdmissionThrottle} does
 * not let in gets a stateless 503 built from its raw text ({@link RawRequest}), a few microseconds
 * instead of the tens a parsed 503 costs, so shedding stays cheap however far the offered load goes
 * past the capacity. Only new requests are judged here (no To tag, no credentials): follow-ups and
 * in-dialog requests go on to the listener, whose {@code OverloadGate} still sheds follow-ups past the
 * critical delay. A banned source gets no 503, nor any answer: it is dropped, as its parsed datagrams
 * would be.
 */
final class JainSipDoor {

    /** How a datagram leaves: the listening socket's send, so the 503 comes from the port the phone used. */
    @FunctionalInterface
    interface Sender {
        void send(DatagramPacket packet) throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(JainSipDoor.class);

    private final AdmissionThrottle throttle;
    private final @Nullable EdgeGuard guard;
    private final SipCounters counters;
    private final long retryAfterSeconds;
    private final Sender sender;

    JainSipDoor(AdmissionThrottle throttle, @Nullable EdgeGuard guard, SipCounters counters, long retryAfterSeconds,
            Sender sender) {
        this.throttle = throttle;
        this.guard = guard;
        this.counters = counters;
        this.retryAfterSeconds = retryAfterSeconds;
        this.sender = sender;
    }

    /** Whether the datagram goes on to the listener pool; false when it was answered or dropped here. */
    boolean admits(DatagramPacket packet) {
        if (!turnsAway(packet)) {
            throttle.queued();
            return true;
        }
        return false;
    }

    /** True when the datagram was answered 503 or dropped here. */
    private boolean turnsAway(DatagramPacket packet) {
        if (throttle.admitted() >= 1.0) {
            return false; // the usual case: not a byte read
        }
        RawRequest request = RawRequest.read(packet.getData(), packet.getOffset(), packet.getLength());
        if (request == null || request.urgency() != Urgency.NEW || throttle.admitsNew()) {
            return false;
        }
        byte[] answer = request.unavailable("Overloaded", retryAfterSeconds);
        if (answer == null) {
            return false; // the parser answers what the door cannot read
        }
        if (guard != null && !guard.admitsPacket(packet.getAddress().getHostAddress())) {
            return true; // banned: no answer at all (and the packet counted once, here, towards its rate)
        }
        counters.request();
        counters.requestShed();
        counters.response(503);
        try {
            sender.send(new DatagramPacket(answer, answer.length, packet.getAddress(), packet.getPort()));
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not send a 503 to {}:{}: {}", packet.getAddress(), packet.getPort(), e.toString());
        }
        return true;
    }
}
