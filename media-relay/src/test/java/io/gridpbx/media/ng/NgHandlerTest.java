package io.gridpbx.media.ng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.gridpbx.media.relay.MediaRelayConfig;
import io.gridpbx.media.relay.MediaRelayServer;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The handler in memory: what it answers, what it drops, and that every buffer it is given is released. */
class NgHandlerTest {

    private static final InetSocketAddress PROXY = new InetSocketAddress("127.0.0.1", 40000);
    private static final InetSocketAddress NG = new InetSocketAddress("127.0.0.1", 22222);

    private final MutableClock clock = new MutableClock();
    private final NgCounters counters = new NgCounters();
    private MediaRelayServer relay;
    private EmbeddedChannel channel;

    @BeforeEach
    void start() {
        relay = MediaRelayServer.start(MediaRelayConfig.of("127.0.0.1", "127.0.0.1", "23400-23409").withIoThreads(1));
        NgCalls calls = new NgCalls(relay, clock, new SplittableRandom(1), Runnable::run);
        channel = new EmbeddedChannel(new NgHandler(new NgDispatcher(calls, counters),
                new NgReplyCache(clock, Duration.ofSeconds(30), 100), counters));
    }

    @AfterEach
    void stop() {
        relay.close();
    }

    /** Sends one datagram, checks the handler released it, and returns the reply's text, or null. */
    private String exchange(String datagram) {
        DatagramPacket request = new DatagramPacket(
                Unpooled.copiedBuffer(datagram, StandardCharsets.ISO_8859_1), NG, PROXY);
        channel.writeInbound(request);
        assertThat(request.refCnt()).isZero();
        DatagramPacket reply = channel.readOutbound();
        if (reply == null) {
            return null;
        }
        try {
            assertThat(reply.recipient()).isEqualTo(PROXY);
            return reply.content().toString(StandardCharsets.ISO_8859_1);
        } finally {
            reply.release();
        }
    }

    private static Map<?, ?> body(String reply, String cookie) throws BencodeException {
        assertThat(reply).startsWith(cookie + " ");
        return (Map<?, ?>) Bencode.decode(reply.substring(cookie.length() + 1).getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String text(Object bytes) {
        return new String((byte[]) bytes, StandardCharsets.UTF_8);
    }

    @Test
    void ping_isAnsweredPong_withTheCookieEchoed() {
        assertThat(exchange("5323_1 d7:command4:pinge")).isEqualTo("5323_1 d6:result4:ponge");
        assertThat(counters.commands("ping")).isEqualTo(1);
        assertFalse(channel.finish());
    }

    @Test
    void retransmittedRequest_getsTheCachedReply_byteForByte_withoutRunningAgain() {
        String first = exchange("77_9 d7:command5:query7:call-id4:nonee");
        String again = exchange("77_9 d7:command5:query7:call-id4:nonee");

        assertThat(again).isEqualTo(first);
        assertThat(counters.commands("query")).isEqualTo(1);
        assertThat(counters.retransmissions()).isEqualTo(1);
        assertFalse(channel.finish());
    }

    @Test
    void cachedReplyExpires_thenTheRequestRunsAgain() {
        exchange("1_1 d7:command4:pinge");
        clock.advance(Duration.ofSeconds(31));
        exchange("1_1 d7:command4:pinge");

        assertThat(counters.commands("ping")).isEqualTo(2);
        assertFalse(channel.finish());
    }

    @Test
    void malformedDatagrams_areDroppedAndCounted() {
        assertThat(exchange("d7:command4:pinge")).isNull(); // no cookie
        assertThat(exchange("c1 d7:command4:ping")).isNull(); // truncated
        assertThat(exchange("c2 l4:pinge")).isNull(); // not a dictionary
        assertThat(exchange("c3 " + "l".repeat(40) + "e".repeat(40))).isNull();
        assertThat(exchange("\u0001\u0002 d7:command4:pinge")).isNull();

        assertThat(counters.malformed()).isEqualTo(5);
        assertFalse(channel.finish());
    }

    @Test
    void unknownCommand_missingCommand_areErrors() throws Exception {
        Map<?, ?> unknown = body(exchange("a d7:command7:unhearde"), "a");
        assertThat(text(unknown.get("result"))).isEqualTo("error");
        assertThat(text(unknown.get("error-reason"))).isEqualTo("Unrecognized command");

        Map<?, ?> none = body(exchange("b d7:call-id1:xe"), "b");
        assertThat(text(none.get("error-reason"))).isEqualTo("Dictionary contains no key \"command\"");
        assertThat(counters.errors()).isEqualTo(2);
        assertFalse(channel.finish());
    }

    @Test
    void offerWithoutCallId_answerDeleteQueryOfUnknownCall_areErrors() throws Exception {
        assertThat(text(body(exchange("a d7:command5:offer8:from-tag1:f3:sdp3:v=0e"), "a").get("error-reason")))
                .isEqualTo("No call-id in message");
        // the spaced spellings of old clients
        assertThat(text(body(exchange("b d7:command6:answer7:call id1:x8:from tag1:f3:sdp3:v=0e"), "b")
                .get("error-reason"))).isEqualTo("Unknown call-id");
        assertThat(text(body(exchange("c d7:command6:delete7:call-id1:xe"), "c").get("error-reason")))
                .isEqualTo("Call-ID not found or tags didn't match");
        assertThat(text(body(exchange("d d7:command5:query7:call-id1:xe"), "d").get("error-reason")))
                .isEqualTo("Unknown call-id");
        assertFalse(channel.finish());
    }

    @Test
    void offerWithBadSdp_isAnErrorWithTheParsersReason_andOpensNothing() throws Exception {
        String sdp = "v=0\r\nm=audio 99999 RTP/AVP 0\r\n";
        Map<?, ?> reply = body(exchange("a d7:command5:offer7:call-id1:x8:from-tag1:f3:sdp" + sdp.length() + ":" + sdp
                + "e"), "a");

        assertThat(text(reply.get("result"))).isEqualTo("error");
        assertThat(text(reply.get("error-reason"))).startsWith("Failed to parse SDP: Bad SDP");
        assertThat(relay.totals().sessions()).isZero();
        assertFalse(channel.finish());
    }

    @Test
    void offerWithoutSdp_isAnError() throws Exception {
        assertThat(text(body(exchange("a d7:command5:offer7:call-id1:x8:from-tag1:fe"), "a").get("error-reason")))
                .isEqualTo("No SDP body in message");
        assertFalse(channel.finish());
    }
}
