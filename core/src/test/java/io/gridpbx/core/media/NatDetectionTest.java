package io.gridpbx.core.media;

import io.gridpbx.core.tenancy.NatPolicy;

import static io.gridpbx.core.media.sdp.PhoneSdps.parsed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpbx.core.media.sdp.PhoneSdps;
import io.gridpbx.core.media.sdp.SessionDescription;
import org.junit.jupiter.api.Test;

class NatDetectionTest {

    private static final String PUBLIC_SOURCE = "198.51.100.7";

    /** The Yealink's offer moved to a public address: nothing in it is private. */
    private static final SessionDescription PUBLIC_SDP = parsed(PhoneSdps.YEALINK_T46_OFFER
            .replace("192.168.1.105", PUBLIC_SOURCE));

    @Test
    void phoneBehindAHomeRouter_privateContactAndSdp_isBehindNat() {
        assertThat(NatDetection.behindNat(PUBLIC_SOURCE, "192.168.1.105", parsed(PhoneSdps.YEALINK_T46_OFFER)))
                .isTrue();
    }

    @Test
    void phoneWithAPublicAddress_isNotBehindNat() {
        assertThat(NatDetection.behindNat(PUBLIC_SOURCE, PUBLIC_SOURCE, PUBLIC_SDP)).isFalse();
    }

    @Test
    void contactFixedByARouterAlg_butSdpStillPrivate_isBehindNat() {
        assertThat(NatDetection.behindNat(PUBLIC_SOURCE, PUBLIC_SOURCE, parsed(PhoneSdps.YEALINK_T46_OFFER)))
                .isTrue();
    }

    @Test
    void phoneOnTheSameLanAsTheNode_privateButEqualToTheSource_isNotBehindNat() {
        assertThat(NatDetection.behindNat("192.168.1.105", "192.168.1.105", parsed(PhoneSdps.YEALINK_T46_OFFER)))
                .isFalse();
        assertThat(NatDetection.behindNat("::ffff:192.168.1.105", "192.168.1.105", null))
                .as("an IPv4-mapped source is the same address").isFalse();
    }

    @Test
    void aPrivateAddressThatIsNotTheSource_isNatEvenBetweenPrivateNetworks() {
        assertThat(NatDetection.behindNat("10.0.0.1", "192.168.1.105", null)).isTrue();
    }

    @Test
    void everyUnroutableRange_countsAsEvidence_itsNeighboursDoNot() {
        for (String hidden : new String[] {"10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.0.1", "100.64.0.1",
                "100.127.255.254", "169.254.10.1", "fd00::5", "[fd12:3456::1]", "fc00::1", "fe80::1"}) {
            assertThat(NatDetection.behindNat(PUBLIC_SOURCE, hidden, null)).as(hidden).isTrue();
        }
        for (String routable : new String[] {"172.32.0.1", "172.15.255.255", "100.128.0.1", "11.0.0.1",
                "192.169.0.1", "2001:db8::5", "fe00::1"}) {
            assertThat(NatDetection.behindNat(PUBLIC_SOURCE, routable, null)).as(routable).isFalse();
        }
    }

    @Test
    void loopback_isEvidenceOnlyWhenThePacketDidNotComeFromLoopback() {
        assertThat(NatDetection.behindNat("127.0.0.1", "127.0.0.1", null)).isFalse();
        assertThat(NatDetection.behindNat("127.0.0.1", "127.0.0.2", null)).isFalse();
        assertThat(NatDetection.behindNat("::1", "[::1]", null)).isFalse();
        assertThat(NatDetection.behindNat(PUBLIC_SOURCE, "127.0.0.1", null)).isTrue();
        assertThat(NatDetection.behindNat(PUBLIC_SOURCE, "[::1]", null)).isTrue();
    }

    @Test
    void namesAndHoldAddresses_areNoEvidence_andNeverLookedUp() {
        assertThat(NatDetection.behindNat(PUBLIC_SOURCE, "phone.example.com", null)).isFalse();
        assertThat(NatDetection.behindNat(PUBLIC_SOURCE, "10.1", null)).as("not a dotted quad").isFalse();
        assertThat(NatDetection.behindNat(PUBLIC_SOURCE, PUBLIC_SOURCE, parsed(PhoneSdps.CISCO_SPA_OLD_HOLD
                .replace("192.168.10.7", PUBLIC_SOURCE)))).as("c=0.0.0.0").isFalse();
    }

    @Test
    void aDisabledStreamsAddress_isNoEvidence() {
        String answer = PhoneSdps.POLYCOM_VVX_ANSWER.replace("10.20.0.51", PUBLIC_SOURCE)
                .replace("m=video 0 RTP/AVP 96\r\n", "m=video 0 RTP/AVP 96\r\nc=IN IP4 10.9.9.9\r\n");

        assertThat(NatDetection.behindNat(PUBLIC_SOURCE, PUBLIC_SOURCE, parsed(answer))).isFalse();
    }

    @Test
    void aSourceThatIsNotAnAddress_isAWiringError() {
        assertThatThrownBy(() -> NatDetection.behindNat("sip.example.com", PUBLIC_SOURCE, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void policies_decideRelaying() {
        SessionDescription natted = parsed(PhoneSdps.YEALINK_T46_OFFER);

        assertThat(NatDetection.relays(NatPolicy.ALWAYS, PUBLIC_SOURCE, PUBLIC_SOURCE, PUBLIC_SDP)).isTrue();
        assertThat(NatDetection.relays(NatPolicy.NEVER, PUBLIC_SOURCE, "192.168.1.105", natted)).isFalse();
        assertThat(NatDetection.relays(NatPolicy.WHEN_NAT, PUBLIC_SOURCE, "192.168.1.105", natted)).isTrue();
        assertThat(NatDetection.relays(NatPolicy.WHEN_NAT, PUBLIC_SOURCE, PUBLIC_SOURCE, PUBLIC_SDP)).isFalse();
        assertThat(NatDetection.relays(NatPolicy.WHEN_NAT, PUBLIC_SOURCE, "192.168.1.105", null)).as("delayed offer").isTrue();
    }

    @Test
    void unroutable_coversPrivateSharedLinkLocalAndLoopback() {
        assertThat(NatDetection.unroutable("192.168.1.1")).isTrue();
        assertThat(NatDetection.unroutable("127.0.0.1")).isTrue();
        assertThat(NatDetection.unroutable("203.0.113.1")).isFalse();
    }
}
