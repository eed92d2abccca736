package io.gridpbx.cluster;

import static com.hazelcast.test.HazelcastTestSupport.assertClusterSizeEventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridpbx.core.auth.DigestResponse;
import io.gridpbx.core.auth.DigestVerifier;
import io.gridpbx.core.auth.NonceService;
import io.gridpbx.core.digest.DigestAlgorithm;
import io.gridpbx.core.location.RegistrationPolicy;
import io.gridpbx.core.tenancy.DemoTenants;
import io.gridpbx.core.tenancy.TenantProvisioning;
import io.gridpbx.node.grid.GridMemberConfig;
import io.gridpbx.node.grid.HazelcastBindingStore;
import io.gridpbx.node.grid.HazelcastCdrStore;
import io.gridpbx.node.grid.HazelcastDialogRegistry;
import io.gridpbx.node.grid.HazelcastNonceCounts;
import io.gridpbx.node.grid.HazelcastTenantDirectory;
import io.gridpbx.sip.SipNodeSettings;
import io.gridpbx.sip.jain.JainSipServer;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The nonce-count replay check holds across the cluster: two real JAIN-SIP nodes over two grid
 * members (in-JVM) share the nonce secret and the counts. A REGISTER accepted by one node, replayed
 * as a new request to the other within the nonce's life, is challenged stale and binds nothing; the
 * accepted request itself, retransmitted to the other node, still passes (answers are stateless).
 */
@Timeout(120)
class NonceReplayClusterTest {

    private static final String OFFICE = "office.demo.gridpbx.test";
    private static final byte[] SECRET = "a cluster secret for the replay test".getBytes(StandardCharsets.UTF_8);
    private static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final Duration WINDOW = Duration.ofSeconds(32);
    private static final int FIRST_PORT = 15271;
    private static final int SECOND_PORT = 15272;

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory(2);
    private final List<JainSipServer> nodes = new ArrayList<>();

    @BeforeEach
    void startTwoNodes() {
        HazelcastInstance first = factory.newHazelcastInstance(GridMemberConfig.grid("nonce-replay"));
        HazelcastInstance second = factory.newHazelcastInstance(GridMemberConfig.grid("nonce-replay"));
        assertClusterSizeEventually(2, first, second);
        DemoTenants.create(new TenantProvisioning(new HazelcastTenantDirectory(first)));
        nodes.add(node(first, FIRST_PORT));
        nodes.add(node(second, SECOND_PORT));
    }

    @AfterEach
    void stop() {
        nodes.forEach(JainSipServer::close);
        factory.terminateAll();
    }

    @Test
    void aRegisterAcceptedByOneNode_replayedToTheOther_isChallengedStale_whileItsRetransmissionPasses()
            throws IOException {
        try (Phone phone = new Phone()) {
            String callId = "replay-" + System.nanoTime();
            String challenge = phone.exchange(FIRST_PORT, register(phone, callId, 1, ""), "CSeq: 1 REGISTER");
            assertThat(challenge).startsWith("SIP/2.0 401 ");
            int at = challenge.indexOf("nonce=\"") + "nonce=\"".length();
            String signed = authorization(challenge.substring(at, challenge.indexOf('"', at)), "00000001");

            String accepted = phone.exchange(FIRST_PORT, register(phone, callId, 2, signed), "CSeq: 2 REGISTER");
            // The replay first: the other node has seen nothing of this nonce but what the grid holds.
            String replayed = phone.exchange(SECOND_PORT, register(phone, callId, 3, signed), "CSeq: 3 REGISTER");
            String retransmitted = phone.exchange(SECOND_PORT, register(phone, callId, 2, signed), "CSeq: 2 REGISTER");

            assertThat(accepted).startsWith("SIP/2.0 200 ");
            assertThat(replayed).as("a new request with the same nonce and count, at the other node")
                    .startsWith("SIP/2.0 401 ").containsIgnoringCase("stale=true");
            assertThat(retransmitted).as("the accepted request again, at the other node").startsWith("SIP/2.0 200 ");
        }
    }

    private static JainSipServer node(HazelcastInstance member, int port) {
        Clock clock = Clock.systemUTC();
        NonceService nonces = new NonceService(SECRET, clock, new SplittableRandom(port), LIFETIME);
        SipNodeSettings settings = new SipNodeSettings("127.0.0.1", port, "127.0.0.1", "replay-" + port, 4,
                List.of(DigestAlgorithm.MD5), RegistrationPolicy.DEFAULTS);
        return JainSipServer.start(settings, new HazelcastTenantDirectory(member),
                new HazelcastBindingStore(member, clock),
                new HazelcastDialogRegistry(member, new HazelcastCdrStore(member), settings.nodeId(), clock), nonces,
                new HazelcastNonceCounts(member, clock, LIFETIME, WINDOW, WINDOW), clock);
    }

    private static String register(Phone phone, String callId, long cseq, String authorization) {
        int port = phone.port();
        return "REGISTER sip:" + OFFICE + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + port + ";rport;branch=z9hG4bK-" + callId + "-" + cseq + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:211@" + OFFICE + ">;tag=f-" + callId + "\r\n"
                + "To: <sip:211@" + OFFICE + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " REGISTER\r\n"
                + "Contact: <sip:211@127.0.0.1:" + port + ">\r\n"
                + "Expires: 60\r\n"
                + authorization
                + "Content-Length: 0\r\n\r\n";
    }

    /** What phone 211 (password pass211) answers to that nonce, MD5 with qop=auth. */
    private static String authorization(String nonce, String nc) {
        String uri = "sip:" + OFFICE;
        DigestResponse unsigned = new DigestResponse("211", OFFICE, nonce, uri, "", "MD5", "auth", nc, "c0ffee42");
        String response = DigestVerifier.expectedResponse(DigestAlgorithm.MD5,
                DigestAlgorithm.MD5.ha1("211", OFFICE, "pass211"), "REGISTER", unsigned);
        return "Authorization: Digest username=\"211\",realm=\"" + OFFICE + "\",nonce=\"" + nonce + "\",uri=\"" + uri
                + "\",response=\"" + response + "\",algorithm=MD5,qop=auth,nc=" + nc + ",cnonce=\"c0ffee42\"\r\n";
    }

    /** A bare UDP phone: it retransmits every 500 ms (T1) until an answer with the marker comes, for 5 s. */
    private static final class Phone implements AutoCloseable {

        private final DatagramSocket socket;

        Phone() throws IOException {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            socket.setSoTimeout(500);
        }

        int port() {
            return socket.getLocalPort();
        }

        String exchange(int nodePort, String request, String marker) throws IOException {
            byte[] bytes = request.getBytes(StandardCharsets.ISO_8859_1);
            InetSocketAddress node = new InetSocketAddress(InetAddress.getLoopbackAddress(), nodePort);
            byte[] buffer = new byte[65535];
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (true) {
                socket.send(new DatagramPacket(bytes, bytes.length, node));
                try {
                    while (true) {
                        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                        socket.receive(packet);
                        String answer = new String(packet.getData(), 0, packet.getLength(),
                                StandardCharsets.ISO_8859_1);
                        if (answer.contains(marker + "\r\n")) {
                            return answer;
                        }
                    }
                } catch (SocketTimeoutException quiet) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("no answer with " + marker + " from port " + nodePort + " within 5 s");
                    }
                }
            }
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
