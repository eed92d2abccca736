package io.gridpbx.sip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A phone on one TLS connection to a node, as a desk phone keeps it: it registers over it and
 * receives its calls over it. It accepts the node's self-signed certificate, as phones provisioned
 * without the operator's CA do. {@code ${port}} in a message becomes the connection's local port.
 */
final class TlsPhone implements AutoCloseable {

    private final SSLSocket socket;
    private final InputStream in;

    TlsPhone(int nodeTlsPort) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new TrustingEveryCertificate()}, null);
        socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", nodeTlsPort);
        socket.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        socket.startHandshake();
        in = socket.getInputStream();
    }

    int localPort() {
        return socket.getLocalPort();
    }

    String protocol() {
        return socket.getSession().getProtocol();
    }

    void send(String message) throws IOException {
        socket.getOutputStream().write(message.replace("${port}", Integer.toString(localPort()))
                .getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    /** The next whole message (headers and Content-Length body) that contains {@code marker}; others are skipped. */
    String receive(String marker, Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            String message = next(deadline);
            if (message == null) {
                break;
            }
            if (message.contains(marker)) {
                return message;
            }
        }
        throw new AssertionError("no message with " + marker + " within " + within);
    }

    private String next(long deadline) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (true) {
            int b = read(deadline);
            if (b < 0) {
                return null;
            }
            if (head.size() == 0 && (b == '\r' || b == '\n')) {
                continue;
            }
            head.write(b);
            String text = head.toString(StandardCharsets.UTF_8);
            if (text.endsWith("\r\n\r\n")) {
                int length = 0;
                for (String line : text.split("\r\n")) {
                    if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                        length = Integer.parseInt(line.substring(15).strip());
                    }
                }
                byte[] body = new byte[length];
                for (int i = 0; i < length; i++) {
                    body[i] = (byte) read(deadline);
                }
                return text + new String(body, StandardCharsets.UTF_8);
            }
        }
    }

    private int read(long deadline) throws IOException {
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return -1;
            }
            socket.setSoTimeout((int) Math.min(left, 500));
            try {
                return in.read();
            } catch (SocketTimeoutException quiet) {
                // until the deadline
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private static final class TrustingEveryCertificate implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
