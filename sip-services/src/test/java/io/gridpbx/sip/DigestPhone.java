package io.gridpbx.sip;

import io.gridpbx.core.auth.DigestResponse;
import io.gridpbx.core.auth.DigestVerifier;
import io.gridpbx.core.digest.DigestAlgorithm;
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
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's own digest client: a bare UDP phone that registers and answers a 401 with the
 * project's digest code (RFC 7616 section 3.4.1, qop=auth) in the algorithm of its choice. Debian's
 * SIPp and baresip know MD5 alone; this one proves SHA-256.
 */
final class DigestPhone implements AutoCloseable {

    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");
    private static final Pattern ALGORITHM = Pattern.compile("algorithm=([A-Za-z0-9-]+)");

    private final DatagramSocket socket;
    private final InetSocketAddress node;
    private final String user;
    private final String domain;
    private final String password;
    private long cseq;

    DigestPhone(int nodePort, String user, String domain, String password) throws IOException {
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.node = new InetSocketAddress(InetAddress.getLoopbackAddress(), nodePort);
        this.user = user;
        this.domain = domain;
        this.password = password;
    }

    /** One WWW-Authenticate header of a 401, as the phone reads it. */
    record Challenge(DigestAlgorithm algorithm, String nonce) {
    }

    /** Sends a REGISTER without credentials and returns the answer (a 401 for a known user). */
    String registerWithoutCredentials(String callId) throws IOException {
        return exchange(register(callId, ++cseq, ""));
    }

    /** The challenges of a 401 in the order the node listed them. */
    static List<Challenge> challenges(String answer) {
        List<Challenge> challenges = new ArrayList<>();
        for (String line : answer.split("\r\n")) {
            if (line.regionMatches(true, 0, "WWW-Authenticate:", 0, "WWW-Authenticate:".length())) {
                Matcher nonce = NONCE.matcher(line);
                Matcher algorithm = ALGORITHM.matcher(line);
                if (nonce.find() && algorithm.find()) {
                    challenges.add(new Challenge(DigestAlgorithm.named(algorithm.group(1)).orElseThrow(),
                            nonce.group(1)));
                }
            }
        }
        return challenges;
    }

    /**
     * Registers as a phone that knows only {@code supported} would: asks, takes the first challenge in
     * an algorithm it knows (RFC 7616 section 3.7), answers it with that algorithm, and returns the
     * final answer; or, when no challenge is in an algorithm it knows, answers the first with its own
     * algorithm anyway (as a phone that ignores the algorithm parameter does).
     */
    String register(String callId, List<DigestAlgorithm> supported) throws IOException {
        String first = registerWithoutCredentials(callId);
        List<Challenge> offered = challenges(first);
        Optional<Challenge> usable = offered.stream().filter(c -> supported.contains(c.algorithm())).findFirst();
        DigestAlgorithm algorithm = usable.map(Challenge::algorithm).orElse(supported.getFirst());
        String nonce = usable.orElse(offered.getFirst()).nonce();
        return exchange(register(callId, ++cseq, authorization(algorithm, nonce, "00000001")));
    }

    private String authorization(DigestAlgorithm algorithm, String nonce, String nc) {
        return registerAuthorization(user, domain, password, algorithm, nonce, nc);
    }

    /** The Authorization line of a REGISTER to {@code sip:domain}, answering the nonce with qop=auth. */
    static String registerAuthorization(String user, String domain, String password, DigestAlgorithm algorithm,
            String nonce, String nc) {
        String uri = "sip:" + domain;
        DigestResponse unsigned = new DigestResponse(user, domain, nonce, uri, "", algorithm.token(), "auth", nc,
                "5eed1e55");
        String response = DigestVerifier.expectedResponse(algorithm, algorithm.ha1(user, domain, password), "REGISTER",
                unsigned);
        return "Authorization: Digest username=\"" + user + "\",realm=\"" + domain + "\",nonce=\"" + nonce
                + "\",uri=\"" + uri + "\",response=\"" + response + "\",algorithm=" + algorithm.token()
                + ",qop=auth,nc=" + nc + ",cnonce=\"5eed1e55\"\r\n";
    }

    private String register(String callId, long number, String authorization) {
        int port = socket.getLocalPort();
        return "REGISTER sip:" + domain + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + port + ";rport;branch=z9hG4bK-" + callId + "-" + number + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + user + "@" + domain + ">;tag=f-" + callId + "\r\n"
                + "To: <sip:" + user + "@" + domain + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + number + " REGISTER\r\n"
                + "Contact: <sip:" + user + "@127.0.0.1:" + port + ">\r\n"
                + "Expires: 60\r\n"
                + authorization
                + "Content-Length: 0\r\n\r\n";
    }

    /**
     * Sends a request and returns the first answer to it (same CSeq), retransmitting every 500 ms like
     * a phone (RFC 3261 section 17.1.2.2, T1) for at most 5 s.
     */
    private String exchange(String request) throws IOException {
        String marker = request.lines().filter(l -> l.startsWith("CSeq: ")).findFirst().orElseThrow();
        String callId = request.lines().filter(l -> l.startsWith("Call-ID: ")).findFirst().orElseThrow();
        byte[] bytes = request.getBytes(StandardCharsets.ISO_8859_1);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        byte[] buffer = new byte[65535];
        socket.setSoTimeout(500);
        while (true) {
            socket.send(new DatagramPacket(bytes, bytes.length, node));
            try {
                while (true) {
                    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                    socket.receive(packet);
                    String answer = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.ISO_8859_1);
                    if (answer.contains(marker + "\r\n") && answer.contains(callId + "\r\n")) {
                        return answer;
                    }
                }
            } catch (SocketTimeoutException quiet) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no answer to " + marker + " within 5 s");
                }
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
