package io.gridpbx.core.media;

import static io.gridpbx.core.media.sdp.PhoneSdps.parsed;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.media.sdp.PhoneSdps;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 3264 section 8 on a leg: one origin for the leg's life, its version up by one exactly on a change. */
class LegVersioningTest {

    private static final RelayPlan PLAN = RelayPlan.removingIce(Map.of(0, RelayEndpoint.pair("203.0.113.10", 40000)));

    @Test
    void offerRefreshHoldHoldAgainUnhold_versionMovesOnlyOnChanges() {
        RelayedSdp offer = RelayRewriter.rewrite(parsed(PhoneSdps.YEALINK_T46_OFFER), PLAN, null);
        RelayedSdp refresh = RelayRewriter.rewrite(parsed(PhoneSdps.YEALINK_T46_REFRESH), PLAN, offer.state());
        RelayedSdp hold = RelayRewriter.rewrite(parsed(PhoneSdps.YEALINK_T46_HOLD), PLAN, refresh.state());
        RelayedSdp holdAgain = RelayRewriter.rewrite(parsed(PhoneSdps.YEALINK_T46_HOLD), PLAN, hold.state());
        RelayedSdp unhold = RelayRewriter.rewrite(parsed(PhoneSdps.YEALINK_T46_UNHOLD), PLAN, holdAgain.state());

        assertThat(offer.sdp().origin().sessionVersion()).isEqualTo("20010");
        assertThat(offer.changed()).isTrue();
        assertThat(refresh.sdp().text()).as("a session refresh changes nothing").isEqualTo(offer.sdp().text());
        assertThat(refresh.changed()).isFalse();
        assertThat(refresh.state()).isEqualTo(offer.state());
        assertThat(hold.sdp().origin().sessionVersion()).isEqualTo("20011");
        assertThat(hold.changed()).isTrue();
        assertThat(holdAgain.sdp().text()).isEqualTo(hold.sdp().text());
        assertThat(holdAgain.changed()).isFalse();
        assertThat(unhold.sdp().origin().sessionVersion()).isEqualTo("20012");
        assertThat(unhold.sdp().text()).isEqualTo(offer.sdp().text().replace("20010 20010", "20010 20012"));
    }

    @Test
    void phoneMovingItsOwnPort_behindTheRelay_keepsTheVersion() {
        RelayedSdp offer = RelayRewriter.rewrite(parsed(PhoneSdps.YEALINK_T46_OFFER), PLAN, null);

        RelayedSdp moved = RelayRewriter.rewrite(parsed(PhoneSdps.YEALINK_T46_REFRESH.replace("11780", "11790")
                .replace("192.168.1.105", "192.168.1.106")), PLAN, offer.state());

        assertThat(moved.changed()).isFalse();
        assertThat(moved.sdp().text()).isEqualTo(offer.sdp().text());
    }

    @Test
    void relayReanchoredOnAnotherNode_keepsTheLegsOrigin_andStepsTheVersion() {
        RelayedSdp offer = RelayRewriter.rewrite(parsed(PhoneSdps.YEALINK_T46_OFFER), PLAN, null);
        RelayPlan survivor = RelayPlan.removingIce(Map.of(0, RelayEndpoint.pair("203.0.113.20", 50000)));

        RelayedSdp reanchored = RelayRewriter.rewrite(parsed(PhoneSdps.YEALINK_T46_OFFER), survivor, offer.state());

        assertThat(reanchored.sdp().origin()).isEqualTo(offer.sdp().origin().nextVersion());
        assertThat(reanchored.sdp().origin().address()).isEqualTo("203.0.113.10");
        assertThat(reanchored.sdp().connection().orElseThrow().host()).isEqualTo("203.0.113.20");
        assertThat(reanchored.sdp().media().getFirst().mediaLine().port()).isEqualTo(50000);
    }

    @Test
    void aPhoneThatChangesItsSessionId_doesNotChangeTheLegsOrigin() {
        RelayedSdp offer = RelayRewriter.rewrite(parsed(PhoneSdps.BARESIP_OFFER), PLAN, null);

        RelayedSdp again = RelayRewriter.rewrite(parsed(PhoneSdps.BARESIP_OFFER.replace("o=- 1985095744 2396135236",
                "o=root 77 1")), PLAN, offer.state());

        assertThat(again.changed()).isFalse();
        assertThat(again.sdp().origin().value()).isEqualTo("- 1985095744 2396135236 IN IP4 203.0.113.10");
    }

    @Test
    void theTwoLegsOfACall_countTheirOwnVersions() {
        RelayPlan towardsCallee = PLAN;
        RelayPlan towardsCaller = RelayPlan.removingIce(Map.of(0, RelayEndpoint.pair("203.0.113.10", 40002)));
        RelayedSdp offer = RelayRewriter.rewrite(parsed(PhoneSdps.YEALINK_T46_OFFER), towardsCallee, null);
        RelayedSdp answer = RelayRewriter.rewrite(parsed(PhoneSdps.POLYCOM_VVX_OFFER), towardsCaller, null);

        RelayedSdp hold = RelayRewriter.rewrite(parsed(PhoneSdps.YEALINK_T46_HOLD), towardsCallee, offer.state());
        RelayedSdp holdAnswer = RelayRewriter.rewrite(parsed(PhoneSdps.POLYCOM_VVX_OFFER.replace("a=sendrecv",
                "a=recvonly")), towardsCaller, answer.state());

        assertThat(hold.sdp().origin().value()).isEqualTo("- 20010 20011 IN IP4 203.0.113.10");
        assertThat(holdAnswer.sdp().origin().value()).isEqualTo("- 1683039511 1683039512 IN IP4 203.0.113.10");
    }
}
