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

/** A bare UDP endpoint on loopback that sends SIP text and reads what arrives, for requests SIPp cannot forge. */
final class UdpPeer implements AutoCloseable {

    private final DatagramSocket socket;

    UdpPeer(String host, int port) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(host), port));
    }

    int port() {
        return socket.getLocalPort();
    }

    String host() {
        return socket.getLocalAddress().getHostAddress();
    }

    void send(String message, int nodePort) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.ISO_8859_1);
        socket.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress(InetAddress.getLoopbackAddress(), nodePort)));
    }

    /** The first message that contains {@code marker}, waiting at most {@code patience}; null when none came. */
    String await(String marker, Duration patience) throws IOException {
        long deadline = System.nanoTime() + patience.toNanos();
        byte[] buffer = new byte[65535];
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return null;
            }
            socket.setSoTimeout((int) Math.max(1, left));
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException quiet) {
                return null;
            }
            String message = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.ISO_8859_1);
            if (message.contains(marker)) {
                return message;
            }
        }
    }

    /** Everything that arrives within {@code window}: for asserting that nothing did. */
    List<String> drain(Duration window) throws IOException {
        List<String> received = new ArrayList<>();
        String message;
        while ((message = await("", window)) != null) {
            received.add(message.lines().findFirst().orElse(""));
        }
        return received;
    }

    @Override
    public void close() {
        socket.close();
    }
}
