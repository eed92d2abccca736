package io.gridpbx.cluster;

import io.gridpbx.core.digest.DigestAlgorithm;
import io.gridpbx.core.auth.DigestResponse;
import io.gridpbx.core.auth.DigestVerifier;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A bare SIP phone over UDP for tests that time single answers: it sends each request once (loopback
 * loses nothing while the node keeps up) and waits for the answer that carries the request's
 * Call-ID and CSeq, so that a slow node shows as slow instead of being hidden by retransmissions.
 * It registers with MD5 digest and qop=auth (RFC 7616).
 */
final class UdpPhone implements AutoCloseable {

    /** One answer and how long it took. */
    record Answer(String text, Duration took) {

        int status() {
            return Integer.parseInt(text.substring("SIP/2.0 ".length(), "SIP/2.0 ".length() + 3));
        }

        Optional<String> header(String name) {
            return text.lines().filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(line -> line.substring(name.length() + 1).strip()).findFirst();
        }
    }

    /** A request the phone received, and the address it came from (the packet's, not what its Via says). */
    record Incoming(String text, InetSocketAddress from) {

        String method() {
            return text.substring(0, text.indexOf(' '));
        }

        String requestUri() {
            int start = text.indexOf(' ') + 1;
            return text.substring(start, text.indexOf(' ', start));
        }

        List<String> headers(String name) {
            return text.lines().takeWhile(line -> !line.isEmpty())
                    .filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1)).toList();
        }
    }

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final DatagramSocket socket;
    private final String host;
    private final int port;
    private final String user;
    private final String domain;
    private final String password;
    private final String contact;

    UdpPhone(String host, String user, String domain, String password) throws IOException {
        this(host, user, domain, password, null);
    }

    /**
     * @param contact the {@code host:port} the phone writes in its Contact, as a phone behind NAT writes its
     *                private address; null for its own socket's
     */
    UdpPhone(String host, String user, String domain, String password, @Nullable String contact) throws IOException {
        this.socket = new DatagramSocket(new InetSocketAddress(host, 0));
        this.host = host;
        this.port = socket.getLocalPort();
        this.user = user;
        this.domain = domain;
        this.password = password;
        this.contact = contact == null ? host + ":" + port : contact;
    }

    /** OPTIONS to the node itself (no user part): a keepalive. */
    Answer options(InetSocketAddress node, Duration wait) throws IOException {
        String callId = "options-" + SEQUENCE.incrementAndGet() + "-" + port;
        return ask(node, "OPTIONS sip:" + node.getHostString() + ":" + node.getPort() + " SIP/2.0\r\n"
                + headers("OPTIONS", callId, 1, domain) + "Content-Length: 0\r\n\r\n", callId, 1, wait);
    }

    /**
     * REGISTER, 401, REGISTER with credentials: returns the answer to the authenticated REGISTER (the
     * 401's answer itself when the first answer is not a 401).
     */
    Answer register(InetSocketAddress node, Duration wait) throws IOException {
        String callId = "register-" + SEQUENCE.incrementAndGet() + "-" + port;
        Answer challenge = ask(node, register(callId, 1, ""), callId, 1, wait);
        if (challenge.status() != 401) {
            return challenge;
        }
        String text = challenge.text();
        int at = text.indexOf("nonce=\"") + "nonce=\"".length();
        String nonce = text.substring(at, text.indexOf('"', at));
        return ask(node, register(callId, 2, authorization(nonce)), callId, 2, wait);
    }

    private String register(String callId, long cseq, String authorization) {
        return "REGISTER sip:" + domain + " SIP/2.0\r\n" + headers("REGISTER", callId, cseq, domain)
                + "Contact: <sip:" + user + "@" + contact + ">\r\n"
                + "Expires: 600\r\n" + authorization + "Content-Length: 0\r\n\r\n";
    }

    private String headers(String method, String callId, long cseq, String toDomain) {
        return "Via: SIP/2.0/UDP " + host + ":" + port + ";rport;branch=z9hG4bK-" + callId + "-" + cseq + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + user + "@" + domain + ">;tag=f-" + callId + "\r\n"
                + "To: <sip:" + user + "@" + toDomain + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\n";
    }

    private String authorization(String nonce) {
        String uri = "sip:" + domain;
        DigestResponse unsigned = new DigestResponse(user, domain, nonce, uri, "", "MD5", "auth", "00000001", "0a4f113b");
        String response = DigestVerifier.expectedResponse(DigestAlgorithm.MD5,
                DigestAlgorithm.MD5.ha1(user, domain, password), "REGISTER", unsigned);
        return "Authorization: Digest username=\"" + user + "\",realm=\"" + domain + "\",nonce=\"" + nonce
                + "\",uri=\"" + uri + "\",response=\"" + response
                + "\",algorithm=MD5,qop=auth,nc=00000001,cnonce=\"0a4f113b\"\r\n";
    }

    /** Sends once; returns the first final answer (or any answer, for a 1xx-less exchange) to this request. */
    private Answer ask(InetSocketAddress node, String request, String callId, long cseq, Duration wait)
            throws IOException {
        byte[] bytes = request.getBytes(StandardCharsets.ISO_8859_1);
        long started = System.nanoTime();
        socket.send(new DatagramPacket(bytes, bytes.length, node));
        String method = request.substring(0, request.indexOf(' '));
        String answer = receive(wait, started, text -> text.startsWith("SIP/2.0 ")
                && text.contains("Call-ID: " + callId + "\r\n") && text.contains("CSeq: " + cseq + " " + method)
                && !text.startsWith("SIP/2.0 1"), "no answer to " + method + " " + callId + " from " + node).text();
        return new Answer(answer, Duration.ofNanos(System.nanoTime() - started));
    }

    /** The first datagram that {@code wanted} accepts, received within {@code wait} of {@code startedNanos}. */
    private Incoming receive(Duration wait, long startedNanos, java.util.function.Predicate<String> wanted, String missing)
            throws IOException {
        long deadline = startedNanos + wait.toNanos();
        byte[] buffer = new byte[65535];
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(missing + " within " + wait.toMillis() + " ms");
            }
            socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException late) {
                continue;
            }
            String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.ISO_8859_1);
            if (wanted.test(text)) {
                return new Incoming(text, (InetSocketAddress) packet.getSocketAddress());
            }
        }
    }

    /** Waits for a request of that method (answers and other requests are skipped). */
    Incoming awaitRequest(String method, Duration wait) throws IOException {
        return receive(wait, System.nanoTime(), text -> text.startsWith(method + " "), "no " + method + " reached the phone");
    }

    /**
     * Answers a request where it came from, as a phone behind NAT does (RFC 3581): its Vias, From,
     * To with this phone's tag, Call-ID, CSeq and Record-Routes, and this phone's Contact.
     */
    void answer(Incoming request, int status, String reason) throws IOException {
        StringBuilder response = new StringBuilder("SIP/2.0 " + status + " " + reason + "\r\n");
        request.headers("Via").forEach(via -> response.append(via).append("\r\n"));
        request.headers("Record-Route").forEach(route -> response.append(route).append("\r\n"));
        response.append(request.headers("From").getFirst()).append("\r\n");
        String to = request.headers("To").getFirst();
        response.append(to).append(to.contains(";tag=") ? "" : ";tag=t-" + port).append("\r\n");
        response.append(request.headers("Call-ID").getFirst()).append("\r\n");
        response.append(request.headers("CSeq").getFirst()).append("\r\n");
        response.append("Contact: <sip:").append(user).append("@").append(contact).append(">\r\n");
        response.append("Content-Length: 0\r\n\r\n");
        byte[] bytes = response.toString().getBytes(StandardCharsets.ISO_8859_1);
        socket.send(new DatagramPacket(bytes, bytes.length, request.from()));
    }

    @Override
    public void close() {
        socket.close();
    }
}
