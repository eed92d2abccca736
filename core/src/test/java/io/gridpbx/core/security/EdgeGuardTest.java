package io.gridpbx.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EdgeGuardTest {

    private static final EdgeThresholds LIMITS = new EdgeThresholds(10, Duration.ofSeconds(2), 3, 5,
            Duration.ofMinutes(10), 4, Duration.ofMinutes(1), Duration.ofMinutes(10), 100, EdgeThresholds.SCANNERS);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
    private final LocalBanList bans = new LocalBanList(clock, 1000);
    private final List<Ban> audited = new ArrayList<>();
    private final EdgeGuard guard = new EdgeGuard(LIMITS, bans, audited::add, clock, "n1");

    @Test
    void aSourcePastTheRateIsBanned_andDroppedUntilTheBanEnds() {
        for (int i = 0; i < 10; i++) {
            assertThat(guard.admitsPacket("203.0.113.5")).isTrue();
        }
        assertThat(guard.admitsPacket("203.0.113.5")).isFalse();
        assertThat(guard.admitsPacket("203.0.113.5")).isFalse();
        assertThat(guard.admitsPacket("203.0.113.6")).as("another source").isTrue();
        assertThat(bans.active()).singleElement().satisfies(ban -> {
            assertThat(ban.reason()).isEqualTo(BanReason.FLOOD);
            assertThat(ban.until()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
        });
        assertThat(guard.dropped()).isEqualTo(2);
        assertThat(guard.bansIssued()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(10));
        assertThat(guard.admitsPacket("203.0.113.5")).isTrue();
        assertThat(bans.active()).isEmpty();
    }

    @Test
    void aCarrierTheGuardTrusts_isNeverCountedAsAFlood() {
        guard.trust("198.51.100.7"::equals);

        for (int i = 0; i < 100; i++) {
            assertThat(guard.admitsPacket("198.51.100.7")).isTrue();
        }
        assertThat(bans.active()).isEmpty();
        for (int i = 0; i < 11; i++) {
            guard.admitsPacket("198.51.100.8");
        }
        assertThat(bans.active()).as("its neighbour is not trusted").hasSize(1);
    }

    @Test
    void everyDatagramPastTheRateIsDropped_evenBeforeOrWithoutTheBan_whichIsIssuedOnce() {
        // An operator lifts the ban early (or another thread counted past the threshold before the ban
        // was set): the datagrams past the rate are still dropped, and the grid hears of one ban only.
        for (int i = 0; i < 11; i++) {
            guard.admitsPacket("203.0.113.5");
        }
        assertThat(bans.lift("203.0.113.5")).isTrue();
        for (int i = 0; i < 5; i++) {
            assertThat(guard.admitsPacket("203.0.113.5")).isFalse();
        }
        assertThat(guard.bansIssued()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(4)); // two windows later the rate is forgotten
        assertThat(guard.admitsPacket("203.0.113.5")).isTrue();
    }

    @Test
    void aBannedProberOrGuesserIsBannedOnce_notOncePerLateAnswer() {
        for (int i = 0; i < 8; i++) {
            guard.rejected("203.0.113.9", 403);
        }
        for (int i = 0; i < 8; i++) {
            guard.failedDigest("203.0.113.7", "alice@example.com");
        }
        assertThat(guard.bansIssued()).as("a ban each, whatever the answers after it").isEqualTo(2);
        assertThat(audited).as("one lockout for the user, one ban for the source").hasSize(2);
    }

    @Test
    void aSteadyRateAtTheLimitIsNeverBanned() {
        // 10 a window of 2 s: one every 200 ms, for 5 windows.
        clock.advance(Duration.ofMillis(100));
        for (int i = 0; i < 50; i++) {
            assertThat(guard.admitsPacket("203.0.113.5")).as("packet %d", i).isTrue();
            clock.advance(Duration.ofMillis(200));
        }
        assertThat(bans.active()).isEmpty();
    }

    @Test
    void aBurstAcrossAWindowBoundaryIsCountedWhole() {
        clock.advance(Duration.ofMillis(1990));
        for (int i = 0; i < 10; i++) {
            assertThat(guard.admitsPacket("203.0.113.5")).isTrue();
        }
        clock.advance(Duration.ofMillis(20));
        // The estimate takes the past window's 10 as spread over it (9 of them within the last 2 s): at most
        // one more gets through, where a fixed window alone would let through 10 more.
        assertThat(guard.admitsPacket("203.0.113.5")).isTrue();
        assertThat(guard.admitsPacket("203.0.113.5")).as("the 12th within 20 ms, in the next window").isFalse();
        assertThat(bans.active()).singleElement().extracting(Ban::reason).isEqualTo(BanReason.FLOOD);
        assertThat(guard.bansIssued()).isEqualTo(1);
    }

    @Test
    void thePastWindowWeighsLessAsItSlidesOut() {
        for (int i = 0; i < 10; i++) {
            assertThat(guard.admitsPacket("203.0.113.5")).isTrue();
        }
        // 3 s later, half of the first window lies within the last 2 s: 5 of its 10 still count.
        clock.advance(Duration.ofSeconds(3));
        for (int i = 0; i < 5; i++) {
            assertThat(guard.admitsPacket("203.0.113.5")).as("packet %d", i).isTrue();
        }
        assertThat(guard.admitsPacket("203.0.113.5")).isFalse();
        // A source quiet for two windows starts over.
        clock.advance(Duration.ofMinutes(10).plusSeconds(4));
        for (int i = 0; i < 10; i++) {
            assertThat(guard.admitsPacket("203.0.113.5")).isTrue();
        }
    }

    @Test
    void allowListedSourcesAreNeverBanned() {
        guard.allow(AllowList.parse(List.of("198.51.100.0/24")));
        for (int i = 0; i < 1000; i++) {
            assertThat(guard.admitsPacket("198.51.100.9")).isTrue();
        }
        assertThat(guard.admitsUserAgent("198.51.100.9", "friendly-scanner")).isTrue();
        for (int i = 0; i < 10; i++) {
            guard.failedDigest("198.51.100.9", "200@office.test");
            guard.rejected("198.51.100.9", 404);
        }
        assertThat(bans.active()).isEmpty();
        assertThat(audited).isEmpty();
    }

    @Test
    void aSourceTakenOffTheAllowListIsDroppedAtItsNextDatagramPastTheRate() {
        guard.allow(AllowList.parse(List.of("198.51.100.0/24")));
        for (int i = 0; i < 20; i++) {
            assertThat(guard.admitsPacket("198.51.100.9")).isTrue();
        }
        guard.allow(AllowList.parse(List.of("192.0.2.0/24")));
        assertThat(guard.admitsPacket("198.51.100.9")).isFalse();
    }

    @Test
    void passwordGuessingLocksOutTheSourceForThatUser_notTheUserElsewhere() {
        for (int i = 0; i < 3; i++) {
            guard.failedDigest("203.0.113.7", "200@office.test");
        }
        assertThat(guard.admitsCredentials("203.0.113.7", "200@office.test")).isFalse();
        assertThat(guard.admitsCredentials("192.0.2.10", "200@office.test")).as("the user's own phone").isTrue();
        assertThat(guard.admitsCredentials("203.0.113.7", "201@office.test")).isTrue();
        assertThat(guard.admitsPacket("203.0.113.7")).as("the source is not banned yet").isTrue();
        assertThat(audited).singleElement().satisfies(lockout -> {
            assertThat(lockout.user()).isEqualTo("200@office.test");
            assertThat(lockout.reason()).isEqualTo(BanReason.PASSWORD_GUESSING);
        });

        guard.failedDigest("203.0.113.7", "201@office.test");
        guard.failedDigest("203.0.113.7", "202@office.test");
        assertThat(guard.admitsPacket("203.0.113.7")).as("5 guesses from one source").isFalse();
        assertThat(audited).hasSize(2).last().satisfies(ban -> assertThat(ban.user()).isNull());
        assertThat(guard.lockouts()).isEqualTo(2);
    }

    @Test
    void guessesOlderThanTheWindowAreForgotten() {
        guard.failedDigest("203.0.113.7", "200@office.test");
        guard.failedDigest("203.0.113.7", "200@office.test");
        // The window slides: the last 10 minutes weigh the previous window's count by the share of it they
        // still cover; 20 minutes on, nothing of it.
        clock.advance(Duration.ofMinutes(20));
        guard.failedDigest("203.0.113.7", "200@office.test");
        assertThat(guard.admitsCredentials("203.0.113.7", "200@office.test")).isTrue();
    }

    @Test
    void scannerUserAgentsAreBanned_whateverTheirCase() {
        assertThat(guard.admitsUserAgent("203.0.113.8", "Linphone/5.2")).isTrue();
        assertThat(guard.admitsUserAgent("203.0.113.8", "SIPVicious 0.3")).isFalse();
        assertThat(guard.admitsPacket("203.0.113.8")).isFalse();
        assertThat(bans.active()).singleElement().extracting(Ban::reason).isEqualTo(BanReason.SCANNER);
    }

    @Test
    void aSourceThatKeepsEarning403or404IsBanned_otherRefusalsDoNotCount() {
        for (int i = 0; i < 10; i++) {
            guard.rejected("203.0.113.9", 486);
            guard.rejected("203.0.113.9", 423);
        }
        assertThat(bans.active()).isEmpty();
        for (int i = 0; i < 4; i++) {
            guard.rejected("203.0.113.9", i % 2 == 0 ? 403 : 404);
        }
        assertThat(bans.active()).singleElement().extracting(Ban::reason).isEqualTo(BanReason.PROBING);
    }

    @Test
    void memoryIsBounded_aSpoofedFloodOfSourcesStartsTheWindowOver() {
        WindowCounter counter = new WindowCounter(clock, Duration.ofSeconds(2), 100);
        for (int i = 0; i < 100_000; i++) {
            counter.increment("10.0." + (i >> 8 & 0xff) + "." + (i & 0xff));
            assertThat(counter.size()).isLessThanOrEqualTo(100);
        }
        LocalBanList small = new LocalBanList(clock, 2);
        for (int i = 0; i < 10; i++) {
            small.add(new Ban("10.0.0." + i, null, BanReason.FLOOD, clock.instant(), clock.instant().plusSeconds(60), "n1"));
        }
        assertThat(small.active()).hasSize(2);
    }
}
