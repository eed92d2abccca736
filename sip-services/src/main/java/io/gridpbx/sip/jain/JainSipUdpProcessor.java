package io.gridpbx.sip.jain;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.UDPMessageChannel;
import gov.nist.javax.sip.stack.UDPMessageProcessor;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.LinkedList;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The RI's UDP processor on the node's own socket ({@link JainSipUdpSocket}, a Netty channel read
 * and written by one event-loop thread, in batches): each datagram read is first judged by the
 * {@link JainSipDoor}, and only what passes goes, copied at its exact size, into
 * {@link JainSipReceiveQueue} for the listener pool. The RI's own loop gave every datagram a fresh
 * 8 KiB buffer (at 20,000 datagrams a second, 160 MB/s of garbage whose collections stopped the
 * reader while the kernel dropped what arrived) and made one system call per datagram. Everything
 * else is the RI's: its listener threads and channels, which send through this socket.
 */
final class JainSipUdpProcessor extends UDPMessageProcessor {

    /** Set once the socket is bound; a datagram read before that is dropped (nothing can have been sent to us). */
    private volatile @Nullable JainSipDoor door;
    private final JainSipReceiveQueue queue;
    private final int listenerThreads;

    /**
     * @param door the door, given this processor's socket to send its 503s from
     */
    JainSipUdpProcessor(InetAddress address, SIPTransactionStack stack, int port, JainSipReceiveQueue queue,
            Function<JainSipDoor.Sender, JainSipDoor> door, int listenerThreads, int socketNice) throws IOException {
        super(address, stack, port);
        this.queue = queue;
        this.messageQueue = queue;
        this.listenerThreads = listenerThreads;
        // as the RI sizes its buffers: the stack's maximum message size, at most its datagram size;
        // a longer datagram arrives cut at that size, which the parser factory then drops and counts
        int max = stack.getMaxMessageSize();
        int datagramSize = max > 0 && max < SipStackImpl.MAX_DATAGRAM_SIZE ? max : SipStackImpl.MAX_DATAGRAM_SIZE;
        // The superclass bound a socket (and picked the port when asked for port 0): the same address
        // and port are bound again on the node's own socket, with the stack's buffer sizes.
        DatagramSocket bound = this.sock;
        InetAddress boundAddress = bound.getLocalAddress();
        int boundPort = bound.getLocalPort();
        int receiveBuffer = stack.getReceiveUdpBufferSize() > 0 ? stack.getReceiveUdpBufferSize() : bound.getReceiveBufferSize();
        int sendBuffer = stack.getSendUdpBufferSize() > 0 ? stack.getSendUdpBufferSize() : bound.getSendBufferSize();
        bound.close();
        JainSipUdpSocket socket = JainSipUdpSocket.bind(boundAddress, boundPort, datagramSize, receiveBuffer,
                sendBuffer, "sip-udp-" + boundPort, socketNice, this::received);
        this.door = door.apply(socket::send);
        this.sock = socket;
    }

    /** On the socket's event loop: the door first, then the listeners' queue (which drops when full). */
    private void received(DatagramPacket datagram, long receivedAtMillis) {
        JainSipDoor judge = door;
        if (judge != null && judge.admits(datagram)) {
            queue.offer(new DatagramQueuedMessageDispatch(datagram, receivedAtMillis));
        }
    }

    /** Starts the listener pool; the socket reads on its own event loop, already bound. */
    @Override
    public void run() {
        String stackName = ((SipStackImpl) sipStack).getStackName();
        LinkedList<UDPMessageChannel> channels = new LinkedList<>();
        for (int i = 0; i < listenerThreads; i++) {
            channels.add(new PoolChannel(sipStack, this, stackName + "-UDPMessageChannelThread-" + i));
        }
        messageChannels = channels;
    }

    /** A listener thread of the RI's pool: its constructor is protected, and starts the thread. */
    private static final class PoolChannel extends UDPMessageChannel {

        PoolChannel(SIPTransactionStack stack, UDPMessageProcessor processor, String threadName) {
            super(stack, processor, threadName);
        }
    }
}
