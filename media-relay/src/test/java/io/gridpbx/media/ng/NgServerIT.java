package io.gridpbx.media.ng;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.media.relay.MediaRelayConfig;
import io.gridpbx.media.relay.MediaRelayServer;
import io.netty.util.LeakPresenceDetector;
import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A proxy's ng requests over loopback UDP, and two phones whose RTP goes through the ports they got back. */
@Timeout(30)
class NgServerIT {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private MediaRelayServer relay;
    private NgServer ng;
    private DatagramSocket proxy;
    private DatagramSocket alice;
    private DatagramSocket bob;
    private int cookies;

    @BeforeEach
    void start() throws Exception {
        relay = MediaRelayServer.start(MediaRelayConfig.of("127.0.0.1", "127.0.0.1", "23500-23519").withIoThreads(1));
        ng = NgServer.start(NgConfig.of("127.0.0.1", 0), relay);
        proxy = socket();
        alice = socket();
        bob = socket();
    }

    @AfterEach
    void stop() {
        ng.close();
        relay.close();
        proxy.close();
        alice.close();
        bob.close();
        LeakPresenceDetector.check();
    }

    private static DatagramSocket socket() throws Exception {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        socket.setSoTimeout(3000);
        return socket;
    }

    private static String sdp(int port) {
        return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + port + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n";
    }

    private byte[] send(String cookie, Map<String, Object> request) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((cookie + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(Bencode.encode(request));
        byte[] datagram = out.toByteArray();
        proxy.send(new DatagramPacket(datagram, datagram.length, ng.localAddress()));
        DatagramPacket reply = new DatagramPacket(new byte[65536], 65536);
        proxy.receive(reply);
        return Arrays.copyOf(reply.getData(), reply.getLength());
    }

    private Map<?, ?> request(String cookie, Map<String, Object> request) throws Exception {
        byte[] reply = send(cookie, request);
        String text = new String(reply, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith(cookie + " ");
        return (Map<?, ?>) Bencode.decode(reply, cookie.length() + 1, reply.length);
    }

    private String nextCookie() {
        return "9999_" + (++cookies);
    }

    private static Map<String, Object> offer(String callId, int port) {
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("command", "offer");
        offer.put("call-id", callId);
        offer.put("from-tag", "alice-tag");
        offer.put("via-branch", "z9hG4bK-1");
        offer.put("flags", List.of("trust-address"));
        offer.put("replace", List.of("origin", "session-connection"));
        offer.put("ICE", "remove");
        offer.put("rtcp-mux", List.of("demux"));
        offer.put("received-from", List.of("IP4", "127.0.0.1"));
        offer.put("sdp", sdp(port));
        return offer;
    }

    private static String text(Object bytes) {
        return new String((byte[]) bytes, StandardCharsets.UTF_8);
    }

    private static int mediaPort(Map<?, ?> reply) {
        assertThat(text(reply.get("result"))).isEqualTo("ok");
        String sdp = text(reply.get("sdp"));
        assertThat(sdp).contains("c=IN IP4 127.0.0.1").doesNotContain("a=ice");
        Matcher m = Pattern.compile("m=audio (\\d+) ").matcher(sdp);
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static byte[] rtp(int sequence) {
        byte[] packet = new byte[172];
        packet[0] = (byte) 0x80;
        packet[2] = (byte) (sequence >> 8);
        packet[3] = (byte) sequence;
        packet[11] = 7;
        return packet;
    }

    private static void sendRtp(DatagramSocket from, int port, int sequence) throws Exception {
        byte[] packet = rtp(sequence);
        from.send(new DatagramPacket(packet, packet.length, LOOPBACK, port));
    }

    private static int receivedSequence(DatagramSocket at) throws Exception {
        DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
        at.receive(packet);
        return ((packet.getData()[2] & 0xff) << 8) | (packet.getData()[3] & 0xff);
    }

    @Test
    void offerAnswer_rtpFlowsThroughTheAnnouncedPorts_queryCounts_deleteReturnsThePorts() throws Exception {
        Map<?, ?> offered = request(nextCookie(), offer("call-1", alice.getLocalPort()));
        int bobSendsTo = mediaPort(offered);

        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("command", "answer");
        answer.put("call id", "call-1"); // the spaced spellings of older modules
        answer.put("from tag", "alice-tag");
        answer.put("to tag", "bob-tag");
        answer.put("sdp", sdp(bob.getLocalPort()));
        int aliceSendsTo = mediaPort(request(nextCookie(), answer));
        assertThat(relay.totals().portsInUse()).isEqualTo(4);

        for (int seq = 0; seq < 20; seq++) {
            sendRtp(alice, aliceSendsTo, seq);
            assertThat(receivedSequence(bob)).isEqualTo(seq);
            sendRtp(bob, bobSendsTo, 500 + seq);
            assertThat(receivedSequence(alice)).isEqualTo(500 + seq);
        }

        Map<?, ?> query = request(nextCookie(), Map.of("command", "query", "call-id", "call-1"));
        assertThat(text(query.get("result"))).isEqualTo("ok");
        assertThat(query.get("created")).isInstanceOf(Long.class);
        assertThat(query.get("last signal")).isInstanceOf(Long.class);
        Map<?, ?> totals = (Map<?, ?>) query.get("totals");
        assertThat(((Map<?, ?>) totals.get("RTP")).get("packets")).isEqualTo(40L);
        assertThat(((Map<?, ?>) totals.get("RTP")).get("bytes")).isEqualTo(40L * 172);
        assertThat(((Map<?, ?>) totals.get("RTCP")).get("packets")).isEqualTo(0L);
        Map<?, ?> tags = (Map<?, ?>) query.get("tags");
        assertThat(tags.keySet().stream().map(Object::toString).toList()).containsExactlyInAnyOrder("alice-tag", "bob-tag");
        Map<?, ?> aliceTag = (Map<?, ?>) tags.get("alice-tag");
        assertThat(text(aliceTag.get("via-branch"))).isEqualTo("z9hG4bK-1");
        Map<?, ?> aliceRtp = (Map<?, ?>) ((List<?>) ((Map<?, ?>) ((List<?>) aliceTag.get("medias")).get(0))
                .get("streams")).get(0);
        assertThat(aliceRtp.get("local port")).isEqualTo((long) aliceSendsTo);
        assertThat(((Map<?, ?>) aliceRtp.get("stats")).get("packets")).isEqualTo(20L);
        assertThat(((Map<?, ?>) aliceRtp.get("endpoint")).get("port")).isEqualTo((long) alice.getLocalPort());

        Map<?, ?> deleted = request(nextCookie(), Map.of("command", "delete", "call-id", "call-1",
                "from-tag", "alice-tag", "delete-delay", 0L));
        assertThat(text(deleted.get("result"))).isEqualTo("ok");
        assertThat(relay.totals().portsInUse()).isZero();
        assertThat(relay.totals().sessions()).isZero();
        assertThat(ng.calls()).isZero();
    }

    @Test
    void retransmittedOffer_getsTheSameBytes_andOpensNothingNew() throws Exception {
        String cookie = nextCookie();
        byte[] first = send(cookie, offer("call-2", alice.getLocalPort()));
        int ports = relay.totals().portsInUse();

        byte[] again = send(cookie, offer("call-2", alice.getLocalPort()));

        assertThat(again).isEqualTo(first);
        assertThat(relay.totals().portsInUse()).isEqualTo(ports).isEqualTo(4);
        assertThat(ng.counters().commands("offer")).isEqualTo(1);
        assertThat(ng.counters().retransmissions()).isEqualTo(1);
    }

    @Test
    void reOffer_keepsThePorts_andRaisesTheVersionOnlyWhenWhatIsSentChanges() throws Exception {
        int first = mediaPort(request(nextCookie(), offer("call-3", alice.getLocalPort())));
        Map<?, ?> same = request(nextCookie(), offer("call-3", alice.getLocalPort()));
        Map<String, Object> hold = new LinkedHashMap<>(offer("call-3", alice.getLocalPort() + 2));
        hold.put("sdp", sdp(alice.getLocalPort() + 2).replace("a=sendrecv", "a=sendonly"));
        Map<?, ?> moved = request(nextCookie(), hold);

        assertThat(mediaPort(same)).isEqualTo(first);
        assertThat(mediaPort(moved)).isEqualTo(first);
        assertThat(text(same.get("sdp"))).contains("o=- 1 1 IN IP4 127.0.0.1");
        assertThat(text(moved.get("sdp"))).contains("o=- 1 2 IN IP4 127.0.0.1").contains("a=sendonly");
        assertThat(relay.totals().portsInUse()).isEqualTo(4);
    }

    @Test
    void offerWhenThePortsRunOut_isAnError_andLeavesNoPortBound() throws Exception {
        for (int call = 0; call < 5; call++) { // 20 ports: 5 calls of two RTP/RTCP pairs
            mediaPort(request(nextCookie(), offer("full-" + call, alice.getLocalPort())));
        }
        Map<?, ?> refused = request(nextCookie(), offer("one-too-many", alice.getLocalPort()));

        assertThat(text(refused.get("result"))).isEqualTo("error");
        assertThat(text(refused.get("error-reason"))).isEqualTo("Ran out of ports");
        assertThat(relay.totals().portsInUse()).isEqualTo(20);
        assertThat(ng.calls()).isEqualTo(5);
    }

    /** A node whose ng port is taken must hear it as IllegalStateException, to log it and run without ng. */
    @Test
    void aPortAlreadyBound_isAnIllegalStateException_notAnEscapedIoException() {
        int taken = ng.localAddress().getPort();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NgServer.start(NgConfig.of("127.0.0.1", taken), relay))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot bind");
    }

    @Test
    void garbage_isDroppedAndCounted_theServerStillAnswers() throws Exception {
        byte[] junk = "not bencode at all".getBytes(StandardCharsets.US_ASCII);
        proxy.send(new DatagramPacket(junk, junk.length, ng.localAddress()));

        Map<?, ?> pong = request(nextCookie(), Map.of("command", "ping"));

        assertThat(text(pong.get("result"))).isEqualTo("pong");
        assertThat(ng.counters().malformed()).isEqualTo(1);
    }
}
