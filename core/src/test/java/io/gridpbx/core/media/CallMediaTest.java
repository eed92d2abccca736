package io.gridpbx.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpbx.core.media.sdp.SessionDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** A call's descriptions pass through the relay in both directions, each side seeing only the relay. */
class CallMediaTest {

    private static final String CALLER_OFFER = """
            v=0\r
            o=alice 2890844526 2890844526 IN IP4 192.168.1.20\r
            s=-\r
            c=IN IP4 192.168.1.20\r
            t=0 0\r
            m=audio 49170 RTP/AVP 0 8 101\r
            a=rtpmap:0 PCMU/8000\r
            a=rtpmap:8 PCMA/8000\r
            a=rtpmap:101 telephone-event/8000\r
            a=sendrecv\r
            """;
    private static final String CALLEE_ANSWER = """
            v=0\r
            o=bob 2808844564 2808844564 IN IP4 10.0.0.7\r
            s=-\r
            c=IN IP4 10.0.0.7\r
            t=0 0\r
            m=audio 3456 RTP/AVP 0 101\r
            a=rtpmap:0 PCMU/8000\r
            a=rtpmap:101 telephone-event/8000\r
            """;

    private final FakeRelay relay = new FakeRelay();
    private final CallMedia call = new CallMedia("call-1;tag-a", relay);

    @Test
    void offerAndAnswer_reachEachPartyWithTheRelayFacingIt_andTellTheRelayWhereEachListens() throws Exception {
        SessionDescription toCallee = call.relay(CallSide.CALLER, parse(CALLER_OFFER)).toCompletableFuture().get().sdp();
        assertThat(toCallee.text()).contains("c=IN IP4 203.0.113.5\r\n").contains("m=audio 30002 RTP/AVP 0 8 101\r\n")
                .doesNotContain("192.168.1.20");
        SessionDescription toCaller = call.relay(CallSide.CALLEE, parse(CALLEE_ANSWER)).toCompletableFuture().get().sdp();
        assertThat(toCaller.text()).contains("m=audio 30000 RTP/AVP 0 101\r\n").doesNotContain("10.0.0.7");

        assertThat(relay.opened).as("one stream for the one m= line").containsExactly("call-1;tag-a#0");
        assertThat(relay.expected).containsExactly("CALLER 192.168.1.20:49170", "CALLEE 10.0.0.7:3456");
    }

    @Test
    void anIdenticalReOffer_keepsTheVersion_aChangedOne_movesItByOne() throws Exception {
        String first = call.relay(CallSide.CALLER, parse(CALLER_OFFER)).toCompletableFuture().get().sdp().origin().value();
        RelayedSdp again = call.relay(CallSide.CALLER, parse(CALLER_OFFER)).toCompletableFuture().get();
        assertThat(again.changed()).isFalse();
        assertThat(again.sdp().origin().value()).isEqualTo(first);

        RelayedSdp hold = call.relay(CallSide.CALLER, parse(CALLER_OFFER.replace("a=sendrecv", "a=sendonly")))
                .toCompletableFuture().get();
        assertThat(hold.changed()).isTrue();
        assertThat(new java.math.BigInteger(hold.sdp().origin().sessionVersion()))
                .isEqualTo(new java.math.BigInteger(again.sdp().origin().sessionVersion()).add(java.math.BigInteger.ONE));
        assertThat(hold.sdp().text()).contains("a=sendonly");
    }

    @Test
    void aRelayWithoutPorts_failsTheDescription() {
        relay.exhausted = true;
        assertThatThrownBy(() -> call.relay(CallSide.CALLER, parse(CALLER_OFFER)).toCompletableFuture().get())
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(RelayUnavailableException.class);
    }

    @Test
    void close_returnsTheCallsPorts() {
        call.close();
        assertThat(relay.closed).containsExactly("call-1;tag-a");
    }

    private static SessionDescription parse(String sdp) throws Exception {
        return SessionDescription.parse(sdp);
    }

    /** The relay port, outside the unit: hands out 30000 facing callers and 30002 facing callees. */
    private static final class FakeRelay implements MediaRelay {
        final List<String> opened = new ArrayList<>();
        final List<String> expected = new ArrayList<>();
        final List<String> closed = new ArrayList<>();
        boolean exhausted;

        @Override
        public CompletionStage<RelayStream> stream(String callKey, int index) {
            if (exhausted) {
                return CompletableFuture.failedFuture(new RelayUnavailableException("no port left"));
            }
            opened.add(callKey + "#" + index);
            return CompletableFuture.completedFuture(new RelayStream() {
                @Override
                public RelayEndpoint facing(CallSide side, boolean rtcpMux) {
                    int port = side == CallSide.CALLER ? 30_000 : 30_002;
                    return new RelayEndpoint("203.0.113.5", port, port + 1, rtcpMux);
                }

                @Override
                public void expect(CallSide side, AnnouncedMedia media) {
                    expected.add(side + " " + media.address() + ":" + media.rtpPort());
                }
            });
        }

        @Override
        public void close(String callKey) {
            closed.add(callKey);
        }
    }
}
