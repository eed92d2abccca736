package io.gridpbx.core.media;

import static io.gridpbx.core.media.sdp.PhoneSdps.parsed;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.media.sdp.MediaDirection;
import io.gridpbx.core.media.sdp.PhoneSdps;
import org.junit.jupiter.api.Test;

class MediaFactsTest {

    @Test
    void yealinkOffer_announcesItsAddressRtpAndTheNextPortForRtcp() {
        assertThat(MediaFacts.announced(parsed(PhoneSdps.YEALINK_T46_OFFER))).containsExactly(
                new AnnouncedMedia(0, "audio", false, "192.168.1.105", 11780, "192.168.1.105", 11781, false,
                        MediaDirection.SENDRECV, false));
    }

    @Test
    void linphoneOffer_announcesRtcpPortsFromItsRtcpAttributes() {
        var streams = MediaFacts.announced(parsed(PhoneSdps.LINPHONE_ICE_OFFER));

        assertThat(streams).extracting(AnnouncedMedia::media, AnnouncedMedia::rtpPort, AnnouncedMedia::rtcpPort)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("audio", 7078, 7079),
                        org.assertj.core.groups.Tuple.tuple("video", 9078, 9079));
    }

    @Test
    void webRtcOffer_announcesMuxAndChromesRtcpPlaceholder() {
        AnnouncedMedia audio = MediaFacts.announced(parsed(PhoneSdps.WEBRTC_OFFER)).getFirst();

        assertThat(audio.address()).isEqualTo("198.51.100.23");
        assertThat(audio.rtcpMux()).isTrue();
        assertThat(audio.rtcpPort()).isEqualTo(9);
        assertThat(audio.rtcpAddress()).isEqualTo("0.0.0.0");
    }

    @Test
    void polycomAnswer_reportsTheRefusedVideoAsDisabled() {
        var streams = MediaFacts.announced(parsed(PhoneSdps.POLYCOM_VVX_ANSWER));

        assertThat(streams.get(1).disabled()).isTrue();
        assertThat(streams.get(1).rtpPort()).isZero();
        assertThat(streams.get(1).rtcpPort()).isZero();
        assertThat(streams.get(0).disabled()).isFalse();
    }

    @Test
    void holdOffers_areRecognised_whateverTheWayTheyHold() {
        assertThat(MediaFacts.onHold(parsed(PhoneSdps.YEALINK_T46_HOLD))).as("sendonly").isTrue();
        assertThat(MediaFacts.onHold(parsed(PhoneSdps.YEALINK_T46_OFFER.replace("a=sendrecv", "a=inactive"))))
                .as("inactive").isTrue();
        assertThat(MediaFacts.onHold(parsed(PhoneSdps.CISCO_SPA_OLD_HOLD))).as("c=0.0.0.0").isTrue();
        assertThat(MediaFacts.onHold(parsed(PhoneSdps.POLYCOM_VVX_OFFER.replace("a=sendrecv", "a=sendonly"))))
                .as("session-level sendonly").isTrue();
    }

    @Test
    void offersThatAreNotHolds_areNotMistakenForOne() {
        assertThat(MediaFacts.onHold(parsed(PhoneSdps.YEALINK_T46_OFFER))).isFalse();
        assertThat(MediaFacts.onHold(parsed(PhoneSdps.CISCO_SPA_OFFER))).as("no direction is sendrecv").isFalse();
        assertThat(MediaFacts.onHold(parsed(PhoneSdps.YEALINK_T46_OFFER.replace("a=sendrecv", "a=recvonly"))))
                .as("recvonly wants media").isFalse();
        assertThat(MediaFacts.onHold(parsed(PhoneSdps.WEBRTC_TRICKLE_OFFER))).as("ICE without candidates yet")
                .isFalse();
        assertThat(MediaFacts.onHold(parsed(PhoneSdps.POLYCOM_VVX_ANSWER))).as("audio on, video off").isFalse();
        assertThat(MediaFacts.onHold(parsed(PhoneSdps.POLYCOM_VVX_ANSWER.replace("m=audio 2228", "m=audio 0"))))
                .as("nothing enabled is a rejection, not a hold").isFalse();
    }

    @Test
    void oneHeldStreamOfTwo_isNotAHoldOfTheCall() {
        String videoOff = PhoneSdps.LINPHONE_ICE_OFFER.replace("a=rtcp-fb:97 ccm fir\r\n",
                "a=rtcp-fb:97 ccm fir\r\na=inactive\r\n");

        assertThat(MediaFacts.announced(parsed(videoOff)).get(1).held()).isTrue();
        assertThat(MediaFacts.onHold(parsed(videoOff))).isFalse();
    }
}
