package io.gridpbx.core.media;

import static io.gridpbx.core.media.sdp.PhoneSdps.parsed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpbx.core.media.sdp.Connection;
import io.gridpbx.core.media.sdp.PhoneSdps;
import io.gridpbx.core.media.sdp.SessionDescription;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the relay rewrites in each phone's description, and that everything else passes byte for byte. */
class RelayRewriterTest {

    private static final String RELAY = "203.0.113.10";
    private static final RelayEndpoint AUDIO = RelayEndpoint.pair(RELAY, 40000);
    private static final RelayEndpoint VIDEO = RelayEndpoint.pair(RELAY, 40002);
    private static final RelayEndpoint MUXED = new RelayEndpoint(RELAY, 40000, 40000, true);

    @Test
    void yealinkOffer_getsTheRelayInOriginConnectionAndPort_andNothingElseChanges() {
        String sent = firstOnLeg(PhoneSdps.YEALINK_T46_OFFER, RelayPlan.removingIce(Map.of(0, AUDIO)));

        assertThat(sent).isEqualTo(PhoneSdps.YEALINK_T46_OFFER.replace("192.168.1.105", RELAY)
                .replace("m=audio 11780 ", "m=audio 40000 "));
    }

    @Test
    void polycomOffer_keepsItsSessionLevelSendrecvAndCodecOrder() {
        String sent = firstOnLeg(PhoneSdps.POLYCOM_VVX_OFFER, RelayPlan.removingIce(Map.of(0, AUDIO)));

        assertThat(sent).isEqualTo(PhoneSdps.POLYCOM_VVX_OFFER.replace("10.20.0.51", RELAY)
                .replace("m=audio 2226 ", "m=audio 40000 "));
    }

    @Test
    void baresipOffer_withAMuxedEndpoint_announcesRtcpOnTheRtpPortAndRtcpMux() {
        String sent = firstOnLeg(PhoneSdps.BARESIP_OFFER, RelayPlan.removingIce(Map.of(0, MUXED)));

        assertThat(sent).isEqualTo(PhoneSdps.BARESIP_OFFER.replace("192.168.1.33", RELAY)
                .replace("m=audio 10014 ", "m=audio 40000 ") + "a=rtcp:40000\r\na=rtcp-mux\r\n");
    }

    @Test
    void anRtcpPortThatIsNotTheNextOne_isAnnouncedWithARtcpAttribute() {
        RelayEndpoint apart = new RelayEndpoint(RELAY, 40000, 40010, false);

        String sent = firstOnLeg(PhoneSdps.BARESIP_OFFER, RelayPlan.removingIce(Map.of(0, apart)));

        assertThat(sent).endsWith("a=sendrecv\r\na=rtcp:40010\r\n");
    }

    @Test
    void linphoneIceOffer_losesItsCandidatesAndCredentials_andItsRtcpPortsBecomeTheRelays() {
        String sent = firstOnLeg(PhoneSdps.LINPHONE_ICE_OFFER, RelayPlan.removingIce(Map.of(0, AUDIO, 1, VIDEO)));

        String expected = without(PhoneSdps.LINPHONE_ICE_OFFER, "a=candidate:", "a=ice-")
                .replace("192.168.1.20", RELAY).replace("m=audio 7078 ", "m=audio 40000 ")
                .replace("a=rtcp:7079", "a=rtcp:40001").replace("m=video 9078 ", "m=video 40002 ")
                .replace("a=rtcp:9079", "a=rtcp:40003");
        assertThat(sent).isEqualTo(expected).doesNotContain("ice-", "candidate", "203.0.113.7");
    }

    @Test
    void webRtcOffer_bothBundledStreamsGoToTheRelay_dtlsBundleAndSsrcUntouched() {
        String sent = firstOnLeg(PhoneSdps.WEBRTC_OFFER, RelayPlan.removingIce(Map.of(0, MUXED, 1, MUXED)));

        String expected = without(PhoneSdps.WEBRTC_OFFER, "a=candidate:", "a=ice-")
                .replace("o=- 4611731400430051336 2 IN IP4 127.0.0.1", "o=- 4611731400430051336 2 IN IP4 " + RELAY)
                .replace("c=IN IP4 198.51.100.23", "c=IN IP4 " + RELAY)
                .replace("a=rtcp:9 IN IP4 0.0.0.0", "a=rtcp:40000 IN IP4 " + RELAY)
                .replace("m=audio 54321 ", "m=audio 40000 ").replace("m=video 54321 ", "m=video 40000 ");
        assertThat(sent).isEqualTo(expected).contains("a=group:BUNDLE 0 1\r\n", "a=setup:actpass\r\n",
                "a=fingerprint:sha-256 7B:8B:F0", "a=rtcp-mux\r\na=rtcp-rsize\r\n");
    }

    @Test
    void webRtcOffer_withRelayCandidates_becomesAnIceLiteOfferWithOneHostCandidatePerComponent() {
        IceCredentials relayIce = new IceCredentials("rL4y", "0123456789abcdefABCDEF+/");
        RelayEndpoint unmuxed = new RelayEndpoint(RELAY, 40002, 40003, false);
        RelayPlan plan = RelayPlan.withRelayCandidates(Map.of(0, MUXED, 1, unmuxed), relayIce);

        SessionDescription sent = RelayRewriter.rewrite(parsed(PhoneSdps.WEBRTC_OFFER), plan, null).sdp();

        assertThat(sent.attribute("ice-lite")).isPresent();
        assertThat(sent.sessionLines().getLast().text()).isEqualTo("a=ice-lite");
        assertThat(linesOf(sent.media().get(0).lines().stream().map(l -> l.text())
                .filter(l -> l.startsWith("a=ice") || l.startsWith("a=candidate") || l.startsWith("a=end-of")))
        ).isEqualTo(String.join("\n", "a=ice-ufrag:rL4y", "a=ice-pwd:0123456789abcdefABCDEF+/",
                "a=candidate:1 1 UDP 2130706431 203.0.113.10 40000 typ host", "a=end-of-candidates"));
        assertThat(linesOf(sent.media().get(1).lines().stream().map(l -> l.text())
                .filter(l -> l.startsWith("a=candidate") || l.startsWith("a=rtcp:") || l.startsWith("a=rtcp-mux"))))
                .isEqualTo(String.join("\n", "a=rtcp:40003 IN IP4 203.0.113.10",
                        "a=candidate:1 1 UDP 2130706431 203.0.113.10 40002 typ host",
                        "a=candidate:1 2 UDP 2130706430 203.0.113.10 40003 typ host"));
        assertThat(sent.text()).doesNotContain("Xq9V", "192.168.1.40", "198.51.100.23", "ice-options");
        assertThat(sent.media().get(1).has("rtcp-mux")).as("the video endpoint declines mux").isFalse();
    }

    @Test
    void rtcpMuxDeclinedByTheEndpoint_isRemoved() {
        RelayPlan plan = RelayPlan.removingIce(Map.of(0, AUDIO, 1, VIDEO));

        String sent = firstOnLeg(PhoneSdps.WEBRTC_OFFER, plan);

        assertThat(sent).doesNotContain("a=rtcp-mux").contains("a=rtcp:40001 IN IP4 203.0.113.10\r\n",
                "a=rtcp:40003 IN IP4 203.0.113.10\r\n").contains("a=rtcp-rsize");
    }

    @Test
    void webRtcTrickleOffer_zeroAddressWithIce_isNotHold_andGetsTheRelayAddress() {
        String sent = firstOnLeg(PhoneSdps.WEBRTC_TRICKLE_OFFER, RelayPlan.removingIce(Map.of(0, MUXED)));

        assertThat(sent).contains("m=audio 40000 UDP/TLS/RTP/SAVPF 111 0\r\nc=IN IP4 203.0.113.10\r\n")
                .doesNotContain("0.0.0.0");
    }

    @Test
    void holdReInvite_keepsSendonlyAndRelayAddress() {
        RelayPlan plan = RelayPlan.removingIce(Map.of(0, AUDIO));
        RelayedSdp offer = RelayRewriter.rewrite(parsed(PhoneSdps.YEALINK_T46_OFFER), plan, null);

        RelayedSdp hold = RelayRewriter.rewrite(parsed(PhoneSdps.YEALINK_T46_HOLD), plan, offer.state());

        assertThat(hold.sdp().text()).isEqualTo(offer.sdp().text().replace("a=sendrecv", "a=sendonly")
                .replace("20010 20010", "20010 20011"));
        assertThat(MediaFacts.onHold(hold.sdp())).isTrue();
    }

    @Test
    void oldStyleHold_keepsTheZeroAddress_soTheOtherPartySeesAHold() {
        RelayPlan plan = RelayPlan.removingIce(Map.of(0, AUDIO));
        RelayedSdp offer = RelayRewriter.rewrite(parsed(PhoneSdps.CISCO_SPA_OFFER), plan, null);

        RelayedSdp hold = RelayRewriter.rewrite(parsed(PhoneSdps.CISCO_SPA_OLD_HOLD), plan, offer.state());

        assertThat(hold.sdp().text()).isEqualTo(PhoneSdps.CISCO_SPA_OLD_HOLD.replace("IN IP4 192.168.10.7", "IN IP4 " + RELAY)
                .replace("m=audio 16434 ", "m=audio 40000 "));
        assertThat(hold.sdp().connection().orElseThrow().address()).isEqualTo("0.0.0.0");
        assertThat(hold.sdp().origin().sessionVersion()).isEqualTo("31208");
        assertThat(MediaFacts.onHold(hold.sdp())).isTrue();
    }

    @Test
    void unholdAfterAnOldStyleHold_bringsBackTheRelayAddress_withTheNextVersion() {
        RelayPlan plan = RelayPlan.removingIce(Map.of(0, AUDIO));
        RelayedSdp offer = RelayRewriter.rewrite(parsed(PhoneSdps.CISCO_SPA_OFFER), plan, null);
        RelayedSdp hold = RelayRewriter.rewrite(parsed(PhoneSdps.CISCO_SPA_OLD_HOLD), plan, offer.state());

        RelayedSdp unhold = RelayRewriter.rewrite(parsed(PhoneSdps.CISCO_SPA_OFFER.replace("31207 31207", "31207 31209")),
                plan, hold.state());

        assertThat(unhold.sdp().text()).isEqualTo(offer.sdp().text().replace("31207 31207", "31207 31209"));
        assertThat(MediaFacts.onHold(unhold.sdp())).isFalse();
    }

    @Test
    void oldStyleHoldOfOneStream_inASessionWithAnother_getsItsOwnZeroConnection() {
        String sdp = PhoneSdps.LINPHONE_ICE_OFFER.replace("m=video 9078 RTP/AVP 96 97\r\n",
                "m=video 9078 RTP/AVP 96 97\r\nc=IN IP4 0.0.0.0\r\n");
        String plain = without(sdp, "a=candidate:", "a=ice-");

        SessionDescription sent = RelayRewriter.rewrite(parsed(plain), RelayPlan.removingIce(Map.of(0, AUDIO, 1, VIDEO)),
                null).sdp();

        assertThat(sent.connection()).contains(Connection.of(RELAY));
        assertThat(sent.media().get(1).connection()).contains(Connection.of("0.0.0.0"));
        assertThat(MediaFacts.oldStyleHold(sent, 1)).isTrue();
        assertThat(MediaFacts.oldStyleHold(sent, 0)).isFalse();
    }

    @Test
    void polycomAnswer_disabledVideo_staysPortZero_andGetsNoRelayPort() {
        String sent = firstOnLeg(PhoneSdps.POLYCOM_VVX_ANSWER, RelayPlan.removingIce(Map.of(0, AUDIO)));

        assertThat(sent).isEqualTo(PhoneSdps.POLYCOM_VVX_ANSWER.replace("10.20.0.51", RELAY)
                .replace("m=audio 2228 ", "m=audio 40000 ")).endsWith("m=video 0 RTP/AVP 96\r\n");
        assertThatThrownBy(() -> RelayRewriter.rewrite(parsed(PhoneSdps.POLYCOM_VVX_ANSWER),
                RelayPlan.removingIce(Map.of(0, AUDIO, 1, VIDEO)), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("disabled");
    }

    @Test
    void twoAudioStreamsOnDifferentRelayAddresses_eachGetTheirOwnConnection() {
        String twoAudio = PhoneSdps.BARESIP_OFFER + "m=audio 10016 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
        RelayEndpoint second = RelayEndpoint.pair("203.0.113.11", 40100);

        SessionDescription sent = RelayRewriter.rewrite(parsed(twoAudio),
                RelayPlan.removingIce(Map.of(0, AUDIO, 1, second)), null).sdp();

        assertThat(sent.connection(0)).contains(Connection.of(RELAY));
        assertThat(sent.media().get(0).connection()).isEmpty();
        assertThat(sent.media().get(1).lines().get(1).text()).isEqualTo("c=IN IP4 203.0.113.11");
        assertThat(sent.media().get(1).mediaLine().port()).isEqualTo(40100);
        assertThat(sent.text()).doesNotContain("192.168.1.33");
    }

    @Test
    void anIpv6Relay_writesIp6ConnectionAndOrigin() {
        RelayEndpoint v6 = RelayEndpoint.pair("2001:db8::10", 40000);

        SessionDescription sent = RelayRewriter.rewrite(parsed(PhoneSdps.YEALINK_T46_OFFER),
                RelayPlan.removingIce(Map.of(0, v6)), null).sdp();

        assertThat(sent.connection().orElseThrow().value()).isEqualTo("IN IP6 2001:db8::10");
        assertThat(sent.origin().value()).isEqualTo("- 20010 20010 IN IP6 2001:db8::10");
    }

    @Test
    void aPlanThatDoesNotMatchTheStreams_isAWiringError() {
        SessionDescription yealink = parsed(PhoneSdps.YEALINK_T46_OFFER);

        assertThatThrownBy(() -> RelayRewriter.rewrite(yealink, RelayPlan.removingIce(Map.of()), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no relay endpoint");
        assertThatThrownBy(() -> RelayRewriter.rewrite(yealink, RelayPlan.removingIce(Map.of(0, AUDIO, 3, VIDEO)), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no m= line 3");
        assertThatThrownBy(() -> new RelayPlan(Map.of(0, AUDIO), IcePolicy.RELAY_HOST_CANDIDATE, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RelayEndpoint.pair("relay.example.com", 40000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IceCredentials("ab", "short")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String firstOnLeg(String phoneSdp, RelayPlan plan) {
        return RelayRewriter.rewrite(parsed(phoneSdp), plan, null).sdp().text();
    }

    /** The description without the lines that start with any of the prefixes. */
    static String without(String sdp, String... prefixes) {
        return Arrays.stream(sdp.split("\r\n")).filter(line -> Arrays.stream(prefixes).noneMatch(line::startsWith))
                .map(line -> line + "\r\n").collect(Collectors.joining());
    }

    private static String linesOf(java.util.stream.Stream<String> lines) {
        return lines.collect(Collectors.joining("\n"));
    }
}
