package io.gridpbx.sip.jain;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's UDP socket as the RI's channels see it: what they send is handed to one sender thread,
 * which alone writes to the real socket. Before, every listener thread, every grid callback and the
 * receive loop (the door's 503s) wrote to it themselves, and a datagram socket sends under one lock:
 * under overload a profile showed listener threads parked 6 s, grid callbacks 3 s and the receive
 * loop 2 s in 20 s on that lock (a holder preempted mid-send stalls them all), with the CPU a third
 * idle and the queue delay, and so the shedding, rising as if the node were busy. Now a thread
 * that answers never waits for another one's send, and the receive loop never waits at all.
 *
 * <p>Datagrams leave in the order they were handed over. The queue is bounded
 * ({@link #MAX_QUEUED}); past it a datagram is dropped, as a full kernel buffer would drop it, and
 * counted. Only {@code send}, {@code receive}, {@code close} and the local address are used by the RI
 * and this package, and only those are forwarded to the real socket; the superclass is an unbound
 * socket that is never used.
 */
final class JainSipUdpSocket extends DatagramSocket {

    private static final Logger LOG = LoggerFactory.getLogger(JainSipUdpSocket.class);
    /** About a second of responses at the node's highest rates. */
    static final int MAX_QUEUED = 65_536;

    private final DatagramSocket socket;
    private final LinkedTransferQueue<DatagramPacket> outgoing = new LinkedTransferQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final LongAdder dropped = new LongAdder();
    private final Thread sender;
    private volatile boolean closed;

    JainSipUdpSocket(DatagramSocket socket, String senderName) throws SocketException {
        super((SocketAddress) null);
        this.socket = socket;
        this.sender = Thread.ofPlatform().daemon().name(senderName).start(this::sendAll);
    }

    /** Hands the datagram to the sender thread; the packet must not be changed afterwards. */
    @Override
    public void send(DatagramPacket packet) {
        if (queued.incrementAndGet() > MAX_QUEUED) {
            queued.decrementAndGet();
            dropped.increment();
            return;
        }
        outgoing.add(packet);
    }

    /** Datagrams dropped because the sender thread was {@link #MAX_QUEUED} behind. */
    long dropped() {
        return dropped.sum();
    }

    private void sendAll() {
        int errors = 0;
        while (!closed) {
            DatagramPacket packet;
            try {
                packet = outgoing.take();
            } catch (InterruptedException stop) {
                return;
            }
            queued.decrementAndGet();
            try {
                socket.send(packet);
                errors = 0;
            } catch (IOException | RuntimeException e) {
                if (closed) {
                    return;
                }
                if (errors++ < 10) {
                    LOG.warn("UDP send to {}:{} failed: {}", packet.getAddress(), packet.getPort(), e.toString());
                }
            }
        }
    }

    @Override
    public void receive(DatagramPacket packet) throws IOException {
        socket.receive(packet);
    }

    @Override
    public InetAddress getLocalAddress() {
        return socket.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        return socket.getLocalPort();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return socket.getLocalSocketAddress();
    }

    @Override
    public void close() {
        closed = true;
        sender.interrupt();
        socket.close();
        super.close();
    }

    @Override
    public boolean isClosed() {
        return socket.isClosed();
    }
}
