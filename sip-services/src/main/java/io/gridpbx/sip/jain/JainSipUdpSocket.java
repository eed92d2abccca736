package io.gridpbx.sip.jain;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's UDP socket as the RI's channels see it, on a Netty channel with one event-loop thread
 * (native epoll on Linux, NIO elsewhere) that alone reads and writes the socket.
 *
 * <ul>
 *   <li><b>Reading.</b> With epoll, one {@code recvmmsg} call reads up to {@link #BATCH} datagrams;
 *       each is copied, at its exact size, and given to the {@link Receiver} on the event loop (the
 *       processor's door and queue), in the order the kernel delivered them.</li>
 *   <li><b>Writing.</b> What the RI's channels, the grid callbacks and the door send is queued and
 *       written by the event loop, all that is queued at once and then flushed: with epoll, one
 *       {@code sendmmsg} call for the lot. A thread that answers never waits for another one's send
 *       (a datagram socket sends under one lock: under overload a profile showed listener threads
 *       parked seconds on it, a holder preempted mid-send stalling them all).</li>
 * </ul>
 * Before, a receive thread made one {@code recvfrom} and a sender thread one {@code sendto} per
 * datagram, each handing over to the other threads through a queue and a wake-up.
 *
 * <p>Datagrams leave in the order they were handed over. What is queued is bounded
 * ({@link #MAX_QUEUED}), and so is what Netty holds when the kernel's buffer is full; past either a
 * datagram is dropped, as a full kernel buffer would drop it, and counted. Only {@code send},
 * {@code close} and the local address are used by the RI and this package; the superclass is an
 * unbound socket that is never used.
 */
final class JainSipUdpSocket extends DatagramSocket {

    /** Where the event loop hands each datagram read; called on the event loop, must not block. */
    @FunctionalInterface
    interface Receiver {
        void received(DatagramPacket datagram, long receivedAtMillis);
    }

    private static final Logger LOG = LoggerFactory.getLogger(JainSipUdpSocket.class);
    /** About a second of responses at the node's highest rates. */
    static final int MAX_QUEUED = 65_536;
    /** Datagrams one {@code recvmmsg} call reads at most. */
    static final int BATCH = 16;
    /** Errors logged in a row before the socket goes quiet (a broken socket must not flood the log). */
    private static final int ERRORS_LOGGED = 10;

    private final EventLoopGroup group;
    private final Channel channel;
    private final EventLoop loop;
    private final InetSocketAddress local;
    private final ConcurrentLinkedQueue<DatagramPacket> outgoing = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean flushing = new AtomicBoolean();
    private final LongAdder dropped = new LongAdder();
    private final Runnable writeQueued = this::writeQueued;
    private volatile boolean closed;

    private JainSipUdpSocket(EventLoopGroup group, Channel channel) throws SocketException {
        super((SocketAddress) null);
        this.group = group;
        this.channel = channel;
        this.loop = channel.eventLoop();
        this.local = (InetSocketAddress) channel.localAddress();
    }

    /**
     * Binds the address and port and starts reading.
     *
     * @param datagramSize the longest datagram read whole; a longer one arrives cut at this size
     * @param receiveBuffer the kernel's receive buffer, as the RI's socket had it ({@code SO_RCVBUF})
     * @param sendBuffer    the kernel's send buffer ({@code SO_SNDBUF})
     * @param threadName    the event loop thread's name
     * @param nice          the event loop thread's nice value, 0 to leave it as the process's (see {@link #prioritized})
     * @throws IOException when the address cannot be bound; nothing is left running then
     */
    static JainSipUdpSocket bind(InetAddress address, int port, int datagramSize, int receiveBuffer, int sendBuffer,
            String threadName, int nice, Receiver receiver) throws IOException {
        boolean epoll = Epoll.isAvailable();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
                prioritized(new DefaultThreadFactory(threadName, true), threadName, nice),
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        Bootstrap bootstrap = new Bootstrap().group(group)
                .channelFactory(epoll ? EpollDatagramChannel::new : NioDatagramChannel::new)
                .option(ChannelOption.SO_RCVBUF, receiveBuffer)
                .option(ChannelOption.SO_SNDBUF, sendBuffer)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(sendBuffer, 2 * sendBuffer))
                .handler(new Reader(receiver));
        if (epoll) {
            // recvmmsg: a buffer of BATCH datagrams is read in one call and sliced per datagram
            bootstrap.option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, datagramSize)
                    .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(datagramSize * BATCH));
        } else {
            bootstrap.option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(datagramSize));
        }
        // awaitUninterruptibly, not sync: sync rethrows the bind's IOException unchecked
        ChannelFuture bound = bootstrap.bind(new InetSocketAddress(address, port)).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            throw new SocketException("cannot bind UDP " + address.getHostAddress() + ":" + port + ": " + bound.cause());
        }
        return new JainSipUdpSocket(group, bound.channel());
    }

    /**
     * Threads that set their own nice value first. The event loop must read the socket as fast as datagrams
     * come, or the kernel drops them, unseen by the door, and each drop comes back as a retransmission.
     * On a saturated box the scheduler gives the loop its fair share among a dozen busy threads (the
     * listeners, the grid's partition threads) and a load generator: a fifth of a core while runnable, in a
     * REGISTER overload at 1.5 times the capacity, and 166,603 datagrams dropped in 10 s. Given priority,
     * it reads them all, answers the excess 503 cheaply, and the backlog forms in the listeners' queue,
     * where the throttle measures it (the node's default leaves it at 0: see {@code gridpbx.sip.socket-nice}).
     */
    static ThreadFactory prioritized(ThreadFactory threads, String name, int nice) {
        if (nice == 0) {
            return threads;
        }
        return task -> threads.newThread(() -> {
            ThreadNice.Outcome outcome = ThreadNice.setForCurrentThread(nice);
            switch (outcome) {
                case SET -> LOG.info("{} runs at nice {}", name, nice);
                case REFUSED -> LOG.info("{} stays at the process's priority: nice {} needs CAP_SYS_NICE or a "
                        + "LimitNICE that allows it; under overload the kernel may drop datagrams before the door "
                        + "sees them", name, nice);
                case UNSUPPORTED -> LOG.debug("{}: thread priorities are not set on this system", name);
            }
            task.run();
        });
    }

    /** Queues the datagram for the event loop; the packet must not be changed afterwards. */
    @Override
    public void send(DatagramPacket packet) {
        if (closed) {
            dropped.increment();
            return;
        }
        if (queued.incrementAndGet() > MAX_QUEUED) {
            queued.decrementAndGet();
            dropped.increment();
            return;
        }
        outgoing.add(packet);
        if (flushing.compareAndSet(false, true)) {
            try {
                loop.execute(writeQueued);
            } catch (RejectedExecutionException closing) {
                dropped.increment(); // closed while this was handed over: nothing is sent any more
            }
        }
    }

    /** Datagrams dropped because the event loop was {@link #MAX_QUEUED} behind, or the kernel's buffer full. */
    long dropped() {
        return dropped.sum();
    }

    /** Whether datagrams are read and written with native epoll ({@code recvmmsg}, {@code sendmmsg}). */
    boolean nativeTransport() {
        return channel instanceof EpollDatagramChannel;
    }

    /** On the event loop: writes everything queued, then one flush (one sendmmsg with epoll). */
    private void writeQueued() {
        flushing.set(false);
        DatagramPacket packet;
        int written = 0;
        while ((packet = outgoing.poll()) != null) {
            queued.decrementAndGet();
            if (!channel.isWritable()) {
                dropped.increment(); // the kernel's buffer is full, and Netty holds as much again
                continue;
            }
            ByteBuf bytes = Unpooled.wrappedBuffer(packet.getData(), packet.getOffset(), packet.getLength());
            channel.write(new io.netty.channel.socket.DatagramPacket(bytes,
                    new InetSocketAddress(packet.getAddress(), packet.getPort())), channel.voidPromise());
            if (++written % BATCH == 0) {
                channel.flush();
            }
        }
        channel.flush();
    }

    @Override
    public void receive(DatagramPacket packet) throws IOException {
        throw new SocketException("this socket is read by its event loop, not by receive()");
    }

    @Override
    public InetAddress getLocalAddress() {
        return local.getAddress();
    }

    @Override
    public int getLocalPort() {
        return local.getPort();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return local;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        super.close();
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /** Copies each datagram read out of Netty's buffer and hands it to the receiver. */
    private static final class Reader extends SimpleChannelInboundHandler<io.netty.channel.socket.DatagramPacket> {

        private final Receiver receiver;
        private int errors;

        Reader(Receiver receiver) {
            this.receiver = receiver;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext context, io.netty.channel.socket.DatagramPacket read) {
            long receivedAt = System.currentTimeMillis();
            ByteBuf content = read.content();
            byte[] datagram = new byte[content.readableBytes()];
            content.getBytes(content.readerIndex(), datagram);
            InetSocketAddress sender = read.sender();
            receiver.received(new DatagramPacket(datagram, datagram.length, sender.getAddress(), sender.getPort()),
                    receivedAt);
            errors = 0;
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            // a datagram that could not be read or a receiver that threw: the socket goes on reading
            if (errors++ < ERRORS_LOGGED) {
                LOG.warn("UDP on {} failed{}: {}", context.channel().localAddress(),
                        errors == ERRORS_LOGGED ? " (no more are logged until a datagram is read)" : "", cause.toString());
            }
        }
    }
}
