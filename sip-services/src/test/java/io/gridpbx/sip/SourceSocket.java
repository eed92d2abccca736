package io.gridpbx.sip;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A bare UDP client on a loopback address of its own (127.0.0.x), for what SIPp cannot send or a
 * test must count exactly: an attacker, a scanner, or a phone on its own source address.
 */
final class SourceSocket implements AutoCloseable {

    final String address;
    final int port;
    private final DatagramSocket socket;
    private final InetSocketAddress node;

    SourceSocket(String address, int nodePort) throws IOException {
        this.address = address;
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), 0));
        this.port = socket.getLocalPort();
        this.node = new InetSocketAddress(InetAddress.getLoopbackAddress(), nodePort);
    }

    void send(String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.ISO_8859_1);
        socket.send(new DatagramPacket(bytes, bytes.length, node));
    }

    /** Sends once and returns the first answer containing {@code marker}, or fails after the timeout. */
    String answerTo(String request, String marker, Duration timeout) throws IOException {
        send(request);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String answer = receive(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
            if (answer == null) {
                throw new AssertionError("no answer with " + marker.strip() + " within " + timeout);
            }
            if (answer.contains(marker)) {
                return answer;
            }
        }
    }

    /** Every datagram received until {@code quiet} passes without one. */
    List<String> receiveUntilQuiet(Duration quiet) throws IOException {
        List<String> answers = new ArrayList<>();
        for (String answer = receive(quiet); answer != null; answer = receive(quiet)) {
            answers.add(answer);
        }
        return answers;
    }

    /** The next datagram, or null when none arrives in time. */
    String receive(Duration timeout) throws IOException {
        byte[] buffer = new byte[65535];
        socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException quiet) {
            return null;
        }
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.ISO_8859_1);
    }

    /** A request of this source with its own Via, From tag and Call-ID; {@code extra} are more header lines. */
    String request(String method, String requestUri, String from, String to, String callId, long cseq, String extra) {
        return method + " " + requestUri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + address + ":" + port + ";rport;branch=z9hG4bK-" + callId + "-" + cseq + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <" + from + ">;tag=f-" + callId + "\r\n"
                + "To: <" + to + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\n"
                + "Contact: <sip:probe@" + address + ":" + port + ">\r\n"
                + extra
                + "Content-Length: 0\r\n\r\n";
    }

    /** An OPTIONS to the node itself: answered 200 by a node that does not refuse this source. */
    String options(String callId) {
        return request("OPTIONS", "sip:127.0.0.1", "sip:probe@" + address, "sip:127.0.0.1", callId, 1, "");
    }

    @Override
    public void close() {
        socket.close();
    }
}
