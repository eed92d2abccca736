package io.gridpbx.core.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.presence.body.PresenceDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 3903 section 4 as {@link Publications#apply} applies it. */
class PublicationsTest {

    private static final String ENTITY = "sip:200@office.demo.gridpbx.test";
    private static final PresenceDocument AWAY = new PresenceDocument(ENTITY, true, "Out for lunch", List.of("away"), null);
    private static final PresenceDocument BUSY = new PresenceDocument(ENTITY, true, "Busy", List.of("busy"), null);
    private static final PresenceDocument OFFLINE = new PresenceDocument(ENTITY, false, null, List.of(), null);
    private static final SubscriptionRules RULES = new SubscriptionRules(60, 3600, 3600);
    private static final long T0 = 1_800_000_000_000L;

    @Test
    void initialWithBody_isPublishedWithTheGivenEtag() {
        Publications.Change change = Publications.NONE.apply(new PublishRequest(null, AWAY, 600), RULES, "e1", T0);

        assertThat(change.outcome()).isEqualTo(new PublishOutcome.Published("e1", 600));
        assertThat(change.after().live()).containsExactly(new Publication("e1", true, "Out for lunch", List.of("away"),
                T0, T0 + 600_000));
        assertThat(change.after().current(T0)).map(Publication::etag).contains("e1");
    }

    @Test
    void initialWithoutExpires_getsTheDefault() {
        Publications.Change change = Publications.NONE.apply(new PublishRequest(null, AWAY, null), RULES, "e1", T0);

        assertThat(change.outcome()).isEqualTo(new PublishOutcome.Published("e1", 3600));
    }

    @Test
    void initialWithoutBody_is400() {
        Publications.Change change = Publications.NONE.apply(new PublishRequest(null, null, 600), RULES, "e1", T0);

        assertThat(change.outcome()).isInstanceOfSatisfying(PublishOutcome.Refused.class,
                refused -> assertThat(refused.status()).isEqualTo(400));
        assertThat(change.after().live()).isEmpty();
    }

    @Test
    void refreshWithUnknownEtag_is412() {
        Publications one = published("e1", AWAY, 600, T0);

        Publications.Change change = one.apply(new PublishRequest("nope", null, 600), RULES, "e2", T0 + 1000);

        assertThat(change.outcome()).isEqualTo(new PublishOutcome.Refused(412, "Conditional Request Failed"));
        assertThat(change.after().live()).extracting(Publication::etag).containsExactly("e1");
    }

    @Test
    void refreshWithoutBody_keepsTheStateUnderANewEtag() {
        Publications one = published("e1", AWAY, 600, T0);

        Publications.Change change = one.apply(new PublishRequest("e1", null, 900), RULES, "e2", T0 + 500_000);

        assertThat(change.outcome()).isEqualTo(new PublishOutcome.Published("e2", 900));
        assertThat(change.after().live()).containsExactly(new Publication("e2", true, "Out for lunch", List.of("away"),
                T0, T0 + 500_000 + 900_000));
        // the old tag no longer names it (section 4.1: each change gets a new entity tag)
        assertThat(change.after().apply(new PublishRequest("e1", null, 600), RULES, "e3", T0 + 600_000).outcome())
                .isEqualTo(new PublishOutcome.Refused(412, "Conditional Request Failed"));
    }

    @Test
    void refreshedPublication_outlivesItsFirstExpiry() {
        Publications refreshed = published("e1", AWAY, 600, T0)
                .apply(new PublishRequest("e1", null, 600), RULES, "e2", T0 + 500_000).after();

        assertThat(refreshed.current(T0 + 700_000)).map(Publication::etag).contains("e2");
        assertThat(refreshed.lastExpiryMillis()).isEqualTo(T0 + 1_100_000);
    }

    @Test
    void modifyWithBody_replacesTheState() {
        Publications one = published("e1", AWAY, 600, T0);

        Publications.Change change = one.apply(new PublishRequest("e1", BUSY, 600), RULES, "e2", T0 + 1000);

        assertThat(change.outcome()).isEqualTo(new PublishOutcome.Published("e2", 600));
        assertThat(change.after().live()).containsExactly(new Publication("e2", true, "Busy", List.of("busy"),
                T0 + 1000, T0 + 601_000));
    }

    @Test
    void expiresZero_removesThePublication() {
        Publications two = published("e1", AWAY, 600, T0).apply(new PublishRequest(null, BUSY, 600), RULES, "e2", T0 + 1)
                .after();

        Publications.Change change = two.apply(new PublishRequest("e2", null, 0), RULES, "e3", T0 + 2);

        assertThat(change.outcome()).isEqualTo(new PublishOutcome.Removed());
        assertThat(change.after().live()).extracting(Publication::etag).containsExactly("e1");
    }

    @Test
    void expiresZeroWithUnknownEtag_is412() {
        Publications.Change change = published("e1", AWAY, 600, T0)
                .apply(new PublishRequest("e9", null, 0), RULES, "e2", T0 + 1);

        assertThat(change.outcome()).isEqualTo(new PublishOutcome.Refused(412, "Conditional Request Failed"));
        assertThat(change.after().live()).hasSize(1);
    }

    @Test
    void tooBriefExpires_is423WithTheMinimum() {
        Publications one = published("e1", AWAY, 600, T0);

        assertThat(Publications.NONE.apply(new PublishRequest(null, AWAY, 59), RULES, "e2", T0).outcome())
                .isEqualTo(new PublishOutcome.TooBrief(60));
        Publications.Change refresh = one.apply(new PublishRequest("e1", null, 30), RULES, "e2", T0 + 1);
        assertThat(refresh.outcome()).isEqualTo(new PublishOutcome.TooBrief(60));
        assertThat(refresh.after().live()).extracting(Publication::etag).containsExactly("e1");
    }

    @Test
    void expiredPublication_isIgnoredAndItsEtagIs412() {
        Publications one = published("e1", AWAY, 600, T0);
        long after = T0 + 600_000;

        assertThat(one.current(after - 1)).isPresent();
        assertThat(one.current(after)).isEmpty();
        Publications.Change change = one.apply(new PublishRequest("e1", null, 600), RULES, "e2", after);
        assertThat(change.outcome()).isEqualTo(new PublishOutcome.Refused(412, "Conditional Request Failed"));
        assertThat(change.after().live()).isEmpty();
    }

    @Test
    void current_isTheNewestLivePublication() {
        Publications two = published("e1", AWAY, 600, T0)
                .apply(new PublishRequest(null, BUSY, 60), RULES, "e2", T0 + 1000).after();

        assertThat(two.current(T0 + 2000)).map(Publication::etag).contains("e2");
        // once the newer one runs out, the older one is the state again
        assertThat(two.current(T0 + 61_000)).map(Publication::etag).contains("e1");
        // refreshing the older one does not make it newer: a refresh does not change the state
        Publications refreshed = two.apply(new PublishRequest("e1", null, 600), RULES, "e3", T0 + 3000).after();
        assertThat(refreshed.current(T0 + 3000)).map(Publication::etag).contains("e2");
    }

    @Test
    void moreThanSixteenPublications_keepTheNewestSixteen() {
        Publications many = Publications.NONE;
        for (int i = 1; i <= 20; i++) {
            many = many.apply(new PublishRequest(null, i % 2 == 0 ? AWAY : OFFLINE, 3600), RULES, "e" + i, T0 + i).after();
        }

        assertThat(many.live()).extracting(Publication::etag).containsExactlyInAnyOrder(
                "e5", "e6", "e7", "e8", "e9", "e10", "e11", "e12", "e13", "e14", "e15", "e16", "e17", "e18", "e19", "e20");
        assertThat(many.current(T0 + 21)).map(Publication::etag).contains("e20");
    }

    @Test
    void seventeenthPublicationInTheSameMillisecond_isKeptSinceItWasAnswered() {
        Publications many = Publications.NONE;
        for (int i = 1; i <= 17; i++) {
            many = many.apply(new PublishRequest(null, AWAY, 3600), RULES, "e" + i, T0).after();
        }

        assertThat(many.live()).hasSize(16).extracting(Publication::etag).contains("e17").doesNotContain("e1");
    }

    @Test
    void sameRequestAppliedTwice_givesTheSameResult() {
        Publications before = published("e1", AWAY, 600, T0);
        for (PublishRequest request : List.of(new PublishRequest(null, BUSY, 600), new PublishRequest("e1", null, 600),
                new PublishRequest("e1", BUSY, 600), new PublishRequest("e1", null, 0), new PublishRequest("e9", null, 600))) {
            Publications.Change first = before.apply(request, RULES, "e2", T0 + 5000);
            Publications.Change replay = before.apply(request, RULES, "e2", T0 + 5000);

            assertThat(replay).as("replay of %s", request).isEqualTo(first);
        }
    }

    private static Publications published(String etag, PresenceDocument document, int seconds, long at) {
        Publications.Change change = Publications.NONE.apply(new PublishRequest(null, document, seconds), RULES, etag, at);
        assertThat(change.outcome()).isEqualTo(new PublishOutcome.Published(etag, seconds));
        return change.after();
    }
}
