package io.gridpbx.core.media.sdp;

import static io.gridpbx.core.media.sdp.PhoneSdps.parsed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionDescriptionTest {

    @Test
    void everyRealPhoneSdp_roundTripsByteForByte() throws SdpParseException {
        for (Map.Entry<String, String> phone : PhoneSdps.ALL.entrySet()) {
            SessionDescription sdp = SessionDescription.parse(phone.getValue());
            assertThat(sdp.text()).as(phone.getKey()).isEqualTo(phone.getValue());
            assertThat(SessionDescription.parse(phone.getValue().getBytes(StandardCharsets.UTF_8)).bytes())
                    .as(phone.getKey()).isEqualTo(phone.getValue().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void bareLfInput_isAccepted_andWrittenWithCrlf() throws SdpParseException {
        String lf = PhoneSdps.YEALINK_T46_OFFER.replace("\r\n", "\n");

        assertThat(SessionDescription.parse(lf).text()).isEqualTo(PhoneSdps.YEALINK_T46_OFFER);
    }

    @Test
    void missingFinalLineBreak_andTrailingBlankLines_areTolerated() throws SdpParseException {
        String body = PhoneSdps.BARESIP_OFFER;

        assertThat(SessionDescription.parse(body.substring(0, body.length() - 2)).text()).isEqualTo(body);
        assertThat(SessionDescription.parse(body + "\r\n\r\n").text()).isEqualTo(body);
    }

    @Test
    void yealinkOffer_exposesOriginConnectionAndMediaLine() {
        SessionDescription sdp = parsed(PhoneSdps.YEALINK_T46_OFFER);

        assertThat(sdp.origin()).isEqualTo(new Origin("-", "20010", "20010", "IN", "IP4", "192.168.1.105"));
        assertThat(sdp.connection()).contains(new Connection("IN", "IP4", "192.168.1.105"));
        assertThat(sdp.media()).hasSize(1);
        assertThat(sdp.media().getFirst().mediaLine())
                .isEqualTo(new MediaLine("audio", 11780, null, "RTP/AVP", List.of("0", "8", "9", "18", "101")));
        assertThat(sdp.media().getFirst().connection()).isEmpty();
        assertThat(sdp.connection(0)).contains(Connection.of("192.168.1.105"));
        assertThat(sdp.direction(0)).isEqualTo(MediaDirection.SENDRECV);
    }

    @Test
    void polycomSessionLevelDirection_appliesToItsMedia_andAMediaLevelOneWins() {
        SessionDescription polycom = parsed(PhoneSdps.POLYCOM_VVX_OFFER.replace("a=sendrecv", "a=inactive"));
        assertThat(polycom.media().getFirst().direction()).isEmpty();
        assertThat(polycom.direction(0)).isEqualTo(MediaDirection.INACTIVE);

        SessionDescription both = parsed(PhoneSdps.POLYCOM_VVX_OFFER + "a=recvonly\r\n");
        assertThat(both.direction(0)).isEqualTo(MediaDirection.RECVONLY);
    }

    @Test
    void webRtcOffer_hasMediaLevelConnections_andNoSessionConnection() {
        SessionDescription sdp = parsed(PhoneSdps.WEBRTC_OFFER);

        assertThat(sdp.connection()).isEmpty();
        assertThat(sdp.media()).extracting(m -> m.mediaLine().media()).containsExactly("audio", "video");
        assertThat(sdp.connection(1)).contains(Connection.of("198.51.100.23"));
        assertThat(sdp.attribute("msid-semantic")).map(SdpLine::attributeValue).contains(" WMS 5qB6a2D1Ykq2P0b8lHCSnJjW1OtaKq0t9ZcA");
        assertThat(sdp.media().get(1).attribute("rtcp")).map(SdpLine::attributeValue).contains("9 IN IP4 0.0.0.0");
        assertThat(sdp.media().get(1).has("rtcp-mux")).isTrue();
        assertThat(sdp.media().get(1).has("rtcp")).as("rtcp is not rtcp-rsize nor rtcp-fb").isTrue();
        assertThat(new SdpLine('a', "rtcp-mux").isAttribute("rtcp")).isFalse();
    }

    @Test
    void unknownLinesAndAPortCount_areKeptInTheirPlace() throws SdpParseException {
        String body = String.join("\r\n", "v=0", "o=jdoe 2890844526 2890842807 IN IP4 10.47.16.5",
                "s=SDP Seminar", "i=A Seminar on the session description protocol",
                "u=http://www.example.com/seminars/sdp.pdf", "e=j.doe@example.com (Jane Doe)",
                "c=IN IP4 224.2.17.12/127", "t=2873397496 2873404696", "x=an extension nobody knows",
                "a=recvonly", "m=audio 49170 RTP/AVP 0", "m=video 51372/2 RTP/AVP 99", "y=another",
                "a=rtpmap:99 h263-1998/90000", "");

        SessionDescription sdp = SessionDescription.parse(body);

        assertThat(sdp.text()).isEqualTo(body);
        assertThat(sdp.connection().orElseThrow().host()).isEqualTo("224.2.17.12");
        assertThat(sdp.media().get(1).mediaLine().portCount()).isEqualTo(2);
        assertThat(sdp.media().get(1).mediaLine().value()).isEqualTo("video 51372/2 RTP/AVP 99");
        assertThat(sdp.media().get(1).mediaLine().withPort(40000).value()).isEqualTo("video 40000 RTP/AVP 99");
    }

    @Test
    void withOrigin_changesTheOriginLineOnly() {
        SessionDescription sdp = parsed(PhoneSdps.BARESIP_OFFER);

        SessionDescription bumped = sdp.withOrigin(sdp.origin().nextVersion());

        assertThat(bumped.text()).isEqualTo(PhoneSdps.BARESIP_OFFER.replace("1985095744 2396135236",
                "1985095744 2396135237"));
    }

    @Test
    void aVersionBeyondALong_stillIncrements() {
        Origin origin = new Origin("-", "1", "18446744073709551615", "IN", "IP4", "192.0.2.1");

        assertThat(origin.nextVersion().sessionVersion()).isEqualTo("18446744073709551616");
    }

    @Test
    void buildingAnIllFormedDescription_inCode_isRejectedToo() {
        List<SdpLine> noOrigin = List.of(new SdpLine('v', "0"), new SdpLine('s', "-"));
        MediaDescription audio = new MediaDescription(List.of(new SdpLine('m', "audio 4000 RTP/AVP 0"),
                new SdpLine('c', "IN IP4 192.0.2.1")));

        assertThatThrownBy(() -> new SessionDescription(noOrigin, List.of(audio)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("o= must follow v=");
        assertThatThrownBy(() -> new SdpLine('a', "x\r\nm=audio 1 RTP/AVP 0"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
