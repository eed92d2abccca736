package io.gridpbx.sip;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Bare sockets that send SIP text exactly as written, for what SIPp cannot send (broken messages).
 * {@code ${port}} in a message is replaced by the socket's own local port, so that a Via can name it.
 */
final class RawSip {

    private RawSip() {
    }

    /** A UDP phone on 127.0.0.1 talking to one node port. */
    static final class Udp implements AutoCloseable {

        private final DatagramSocket socket;
        private final InetSocketAddress node;

        Udp(int nodePort) throws IOException {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            node = new InetSocketAddress(InetAddress.getLoopbackAddress(), nodePort);
        }

        int localPort() {
            return socket.getLocalPort();
        }

        void send(String message) throws IOException {
            send(message.replace("${port}", Integer.toString(localPort())).getBytes(StandardCharsets.ISO_8859_1));
        }

        void send(byte[] bytes) throws IOException {
            socket.send(new DatagramPacket(bytes, bytes.length, node));
        }

        /**
         * Sends the message, again every 500 ms like a phone (RFC 3261 section 17.1.2.2, a datagram
         * may be lost), and returns the first answer containing {@code marker}, or empty after
         * {@code within}.
         */
        Optional<String> answer(String message, String marker, Duration within) throws IOException {
            long deadline = System.nanoTime() + within.toNanos();
            byte[] buffer = new byte[65535];
            socket.setSoTimeout(500);
            while (System.nanoTime() < deadline) {
                send(message);
                try {
                    while (true) {
                        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                        socket.receive(packet);
                        String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.ISO_8859_1);
                        if (text.contains(marker)) {
                            return Optional.of(text);
                        }
                    }
                } catch (SocketTimeoutException quiet) {
                    // retransmit
                }
            }
            return Optional.empty();
        }

        /** Every datagram that arrives within the window (the window is how long "no more" is waited for). */
        java.util.List<String> answersWithin(Duration window) throws IOException {
            java.util.List<String> answers = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + window.toNanos();
            byte[] buffer = new byte[65535];
            for (long left = window.toMillis(); left > 0; left = (deadline - System.nanoTime()) / 1_000_000) {
                socket.setSoTimeout((int) left);
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                } catch (SocketTimeoutException quiet) {
                    break;
                }
                answers.add(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.ISO_8859_1));
            }
            return answers;
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    /** A TCP connection to one node port. */
    static final class Tcp implements AutoCloseable {

        private final Socket socket;

        Tcp(int nodePort) throws IOException {
            socket = new Socket();
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), nodePort), 2000);
        }

        int localPort() {
            return socket.getLocalPort();
        }

        void send(String message) throws IOException {
            send(message.replace("${port}", Integer.toString(localPort())).getBytes(StandardCharsets.ISO_8859_1));
        }

        void send(byte[] bytes) throws IOException {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        }

        /**
         * What the node writes until the text contains {@code marker} followed by a blank line, or
         * it closes the connection, or {@code within} passes; empty when nothing came.
         */
        String read(String marker, Duration within) throws IOException {
            long deadline = System.nanoTime() + within.toNanos();
            StringBuilder text = new StringBuilder();
            byte[] buffer = new byte[8192];
            InputStream in = socket.getInputStream();
            while (System.nanoTime() < deadline) {
                socket.setSoTimeout((int) Math.max(1, Math.min(500, (deadline - System.nanoTime()) / 1_000_000)));
                int n;
                try {
                    n = in.read(buffer);
                } catch (SocketTimeoutException quiet) {
                    continue;
                } catch (IOException reset) {
                    break;
                }
                if (n < 0) {
                    break;
                }
                text.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                int at = text.indexOf(marker);
                if (at >= 0 && text.indexOf("\r\n\r\n", at) >= 0) {
                    break;
                }
            }
            return text.toString();
        }

        /** Whether the node closed the connection within the time given. */
        boolean closedByNode(Duration within) throws IOException {
            long deadline = System.nanoTime() + within.toNanos();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            while (System.nanoTime() < deadline) {
                socket.setSoTimeout(200);
                try {
                    if (in.read(buffer) < 0) {
                        return true;
                    }
                } catch (SocketTimeoutException quiet) {
                    // still open
                } catch (IOException reset) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
