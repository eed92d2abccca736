package io.gridpbx.node.dns;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The DNS server of one node, on UDP and TCP of one address and port. UDP answers are cut to what
 * the client can take (512 bytes, or its EDNS size up to 1,232) with the TC bit, so that it asks again
 * over TCP. Over TCP each connection may carry several queries (RFC 7766) and is closed after ten idle
 * seconds; a zone transfer (AXFR) is answered to loopback and the operator's secondaries only.
 * A packet that is not DNS is answered FORMERR when it has an ID to answer, and dropped otherwise.
 */
final class DnsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DnsServer.class);
    private static final int CLASSIC_UDP_SIZE = 512;
    /** The EDNS size that avoids IP fragmentation on any path (DNS flag day 2020). */
    private static final int MAX_UDP_SIZE = 1232;
    private static final int TCP_IDLE_MILLIS = 10_000;
    private static final int MAX_TCP_CONNECTIONS = 256;

    private final ZoneAuthority authority;
    private final Predicate<InetAddress> mayTransfer;
    private final DatagramChannel udp;
    private final ServerSocket tcp;
    private final Semaphore connections = new Semaphore(MAX_TCP_CONNECTIONS);
    private volatile boolean running = true;
    private final List<Thread> serving = new java.util.concurrent.CopyOnWriteArrayList<>();

    private DnsServer(ZoneAuthority authority, Predicate<InetAddress> mayTransfer, DatagramChannel udp,
            ServerSocket tcp) {
        this.authority = authority;
        this.mayTransfer = mayTransfer;
        this.udp = udp;
        this.tcp = tcp;
    }

    /**
     * Binds both sockets and starts serving; empty, after one log line, when the address cannot be
     * bound (a privileged port without the right, or another server there): the node runs without DNS.
     */
    static Optional<DnsServer> start(InetSocketAddress at, ZoneAuthority authority,
            Predicate<InetAddress> mayTransfer) {
        DatagramChannel udp = null;
        try {
            udp = DatagramChannel.open();
            udp.bind(at);
            ServerSocket tcp = new ServerSocket();
            try {
                tcp.setReuseAddress(true);
                tcp.bind(at, 64);
            } catch (IOException e) {
                tcp.close();
                throw e;
            }
            DnsServer server = new DnsServer(authority, mayTransfer, udp, tcp);
            server.serving.add(Thread.ofPlatform().name("dns-udp").daemon().start(server::serveUdp));
            server.serving.add(Thread.ofPlatform().name("dns-tcp").daemon().start(server::acceptTcp));
            LOG.info("DNS serving on {}:{} (UDP and TCP)", at.getHostString(), at.getPort());
            return Optional.of(server);
        } catch (IOException | RuntimeException e) {
            closeQuietly(udp);
            LOG.warn("DNS: cannot bind {}:{} ({}); this node runs without DNS (set gridpbx.dns.port, 0 for none)",
                    at.getHostString(), at.getPort(), e.getMessage());
            return Optional.empty();
        }
    }

    private void serveUdp() {
        ByteBuffer in = ByteBuffer.allocate(65_535);
        while (running) {
            try {
                in.clear();
                InetSocketAddress from = (InetSocketAddress) udp.receive(in);
                in.flip();
                byte[] packet = new byte[in.remaining()];
                in.get(packet);
                byte[] reply = answerUdp(packet);
                if (reply != null) {
                    udp.send(ByteBuffer.wrap(reply), from);
                }
            } catch (IOException | RuntimeException e) {
                if (running) {
                    LOG.debug("DNS UDP: {}", e.toString());
                }
            }
        }
    }

    /** The wire answer to a UDP packet, cut to the client's size; null when the packet deserves none. */
    byte @org.jspecify.annotations.Nullable [] answerUdp(byte[] packet) {
        Message query;
        try {
            query = new Message(packet);
        } catch (IOException e) {
            return formatError(packet);
        }
        if (query.getHeader().getFlag(Flags.QR)) {
            return null; // a response (a reflected or spoofed one): never answer an answer
        }
        Message response = authority.answer(query);
        OPTRecord opt = query.getOPT();
        int limit = CLASSIC_UDP_SIZE;
        if (opt != null) {
            limit = Math.min(MAX_UDP_SIZE, Math.max(CLASSIC_UDP_SIZE, opt.getPayloadSize()));
            response.addRecord(new OPTRecord(MAX_UDP_SIZE, 0, 0), Section.ADDITIONAL);
        }
        return response.toWire(limit);
    }

    private void acceptTcp() {
        while (running) {
            try {
                Socket socket = tcp.accept();
                if (!connections.tryAcquire()) {
                    socket.close();
                    continue;
                }
                Thread.ofVirtual().name("dns-tcp-conn").start(() -> {
                    try (socket) {
                        serveTcp(socket);
                    } catch (IOException | RuntimeException e) {
                        LOG.debug("DNS TCP {}: {}", socket.getRemoteSocketAddress(), e.toString());
                    } finally {
                        connections.release();
                    }
                });
            } catch (IOException e) {
                if (running) {
                    LOG.debug("DNS TCP accept: {}", e.toString());
                }
            }
        }
    }

    private void serveTcp(Socket socket) throws IOException {
        socket.setSoTimeout(TCP_IDLE_MILLIS);
        DataInputStream in = new DataInputStream(socket.getInputStream());
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        while (true) {
            byte[] packet;
            try {
                packet = new byte[in.readUnsignedShort()];
                in.readFully(packet);
            } catch (EOFException | SocketTimeoutException | SocketException e) {
                return;
            }
            byte[] reply = answerTcp(packet, socket.getInetAddress());
            if (reply == null) {
                return;
            }
            out.writeShort(reply.length);
            out.write(reply);
            out.flush();
        }
    }

    byte @org.jspecify.annotations.Nullable [] answerTcp(byte[] packet, InetAddress from) {
        Message query;
        try {
            query = new Message(packet);
        } catch (IOException e) {
            return formatError(packet);
        }
        if (query.getHeader().getFlag(Flags.QR)) {
            return null;
        }
        Record question = query.getQuestion();
        if (question != null && question.getType() == Type.AXFR) {
            return transfer(query, question, from).toWire();
        }
        return authority.answer(query).toWire();
    }

    /** The whole zone in one message, SOA first and last (RFC 5936), to a client allowed to take it. */
    private Message transfer(Message query, Record question, InetAddress from) {
        Message response = ZoneAuthority.replyTo(query);
        response.addRecord(question, Section.QUESTION);
        Optional<List<Record>> zone = mayTransfer.test(from) ? authority.zone(question.getName()) : Optional.empty();
        if (zone.isEmpty()) {
            response.getHeader().setRcode(Rcode.REFUSED);
            return response;
        }
        response.getHeader().setFlag(Flags.AA);
        zone.get().forEach(r -> response.addRecord(r, Section.ANSWER));
        response.addRecord(zone.get().getFirst(), Section.ANSWER);
        return response;
    }

    /** FORMERR to a packet with at least a header (RFC 1035 section 4.1.1); nothing to shorter noise. */
    private static byte @org.jspecify.annotations.Nullable [] formatError(byte[] packet) {
        if (packet.length < Header.LENGTH || (packet[2] & 0x80) != 0) {
            return null;
        }
        Header header = new Header(((packet[0] & 0xff) << 8) | (packet[1] & 0xff));
        header.setFlag(Flags.QR);
        header.setRcode(Rcode.FORMERR);
        Message response = new Message();
        response.setHeader(header);
        return response.toWire();
    }

    @Override
    /**
     * Stops serving. Returns once the serving threads are out of their blocking calls: a channel closed
     * under a thread blocked on it is released by the kernel only when that thread returns, so until
     * then the port could not be bound again.
     */
    public void close() {
        running = false;
        closeQuietly(udp);
        closeQuietly(tcp);
        for (Thread thread : serving) {
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void closeQuietly(@org.jspecify.annotations.Nullable AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("DNS close: {}", e.toString());
        }
    }
}
