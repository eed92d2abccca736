package io.gridpbx.sip.jain;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.UDPMessageChannel;
import gov.nist.javax.sip.stack.UDPMessageProcessor;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RI's UDP processor with its own receive loop: one reused buffer, each datagram first judged
 * by the {@link JainSipDoor} in place, and only what passes copied, at its exact size, into
 * {@link JainSipReceiveQueue} for the listener pool. The RI's loop gives every datagram a fresh
 * 8 KiB buffer: at 20,000 datagrams a second that is 160 MB/s of garbage, and the collections it
 * forces stop this thread while the kernel drops what arrives; a datagram the door answers 503 now
 * costs no allocation but its answer. What is sent goes through one sender thread
 * ({@link JainSipUdpSocket}). Everything else is the RI's: its socket (bound by the superclass, with
 * the stack's buffer sizes), its listener threads and channels.
 */
final class JainSipUdpProcessor extends UDPMessageProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(JainSipUdpProcessor.class);
    /** Socket errors logged in a row before the loop goes quiet (a broken socket must not flood the log). */
    private static final int ERRORS_LOGGED = 10;

    private final JainSipDoor door;
    private final JainSipReceiveQueue queue;
    private final int listenerThreads;
    private final int datagramSize;

    /**
     * @param door the door, given this processor's socket to send its 503s from
     */
    JainSipUdpProcessor(InetAddress address, SIPTransactionStack stack, int port, JainSipReceiveQueue queue,
            Function<JainSipDoor.Sender, JainSipDoor> door, int listenerThreads) throws IOException {
        super(address, stack, port);
        // bound by the superclass with the stack's buffer sizes; from now on written by one thread
        JainSipUdpSocket socket = new JainSipUdpSocket(this.sock, "sip-udp-sender-" + port);
        this.sock = socket;
        this.door = door.apply(socket::send);
        this.queue = queue;
        this.messageQueue = queue;
        this.listenerThreads = listenerThreads;
        // as the RI sizes its buffers: the stack's maximum message size, at most its datagram size;
        // a longer datagram arrives cut at that size, which the parser factory then drops and counts
        int max = stack.getMaxMessageSize();
        this.datagramSize = max > 0 && max < SipStackImpl.MAX_DATAGRAM_SIZE ? max : SipStackImpl.MAX_DATAGRAM_SIZE;
    }

    @Override
    public void run() {
        String stackName = ((SipStackImpl) sipStack).getStackName();
        messageChannels = new LinkedList<UDPMessageChannel>();
        for (int i = 0; i < listenerThreads; i++) {
            messageChannels.add(new PoolChannel(sipStack, this, stackName + "-UDPMessageChannelThread-" + i));
        }
        byte[] buffer = new byte[datagramSize];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        int errors = 0;
        while (isRunning) {
            try {
                packet.setLength(buffer.length);
                sock.receive(packet);
                long receivedAt = System.currentTimeMillis();
                if (door.admits(packet)) {
                    byte[] datagram = Arrays.copyOf(buffer, packet.getLength());
                    queue.offer(new DatagramQueuedMessageDispatch(
                            new DatagramPacket(datagram, datagram.length, packet.getAddress(), packet.getPort()), receivedAt));
                }
                errors = 0;
            } catch (SocketTimeoutException timeout) {
                // only with the RI's thread auditor, which this node does not run
            } catch (SocketException e) {
                if (!isRunning) {
                    return; // stop() closed the socket
                }
                errors = logged(errors, e);
            } catch (IOException | RuntimeException e) {
                errors = logged(errors, e);
            }
        }
    }

    private int logged(int errors, Exception e) {
        if (errors < ERRORS_LOGGED) {
            LOG.warn("UDP receive on {}:{} failed{}: {}", getIpAddress().getHostAddress(), getPort(),
                    errors == ERRORS_LOGGED - 1 ? " (no more are logged until one succeeds)" : "", e.toString());
        }
        return errors + 1;
    }

    /** A listener thread of the RI's pool: its constructor is protected, and starts the thread. */
    private static final class PoolChannel extends UDPMessageChannel {

        PoolChannel(SIPTransactionStack stack, UDPMessageProcessor processor, String threadName) {
            super(stack, processor, threadName);
        }
    }
}
