package io.gridpbx.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpbx.core.MutableClock;
import io.gridpbx.core.access.Actor;
import io.gridpbx.core.access.InMemoryAccess;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.manage.FieldError;
import io.gridpbx.core.manage.ForbiddenException;
import io.gridpbx.core.manage.NotFoundException;
import io.gridpbx.core.manage.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BanAdminTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
    private final LocalBanList bans = new LocalBanList(clock, 100);
    private final InMemoryAccess audit = new InMemoryAccess();
    private final SavedAllowList saved = new SavedAllowList();
    private final BanAdmin admin = new BanAdmin(bans, saved, audit, clock);
    private final Actor platform = Actor.token("ops", Scope.platform("gridpbx.test"));
    private final Actor reseller = Actor.token("res", Scope.reseller("demo.gridpbx.test"));

    @Test
    void thePlatformListsBansNewestFirst_andUnbanLiftsTheSourceAndItsLockouts() {
        bans.add(ban("203.0.113.1", null, 0));
        bans.add(ban("203.0.113.2", null, 5));
        bans.add(ban("203.0.113.2", "200@office.test", 6));

        assertThat(admin.active(platform)).extracting(Ban::key)
                .containsExactly("203.0.113.2 200@office.test", "203.0.113.2", "203.0.113.1");
        admin.unban(platform, "203.0.113.2");

        assertThat(admin.active(platform)).extracting(Ban::address).containsExactly("203.0.113.1");
        assertThat(audit.auditEntries()).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("sip-unban");
            assertThat(e.subject()).isEqualTo("203.0.113.2");
            assertThat(e.actor()).isEqualTo("ops");
        });
        assertThatThrownBy(() -> admin.unban(platform, "203.0.113.2")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void otherLevelsAreRefused() {
        assertThatThrownBy(() -> admin.active(reseller)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> admin.unban(reseller, "203.0.113.1")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> admin.allowList(reseller)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> admin.saveAllowList(reseller, List.of("10.0.0.0/8")))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void theAllowListIsSavedNormalized_andABadEntryNamesItselfAndSavesNothing() {
        assertThat(admin.saveAllowList(platform, List.of(" 10.1.2.3/8 ", "", "192.0.2.7", "10.0.0.0/8")))
                .containsExactly("10.0.0.0/8", "192.0.2.7/32");
        assertThat(admin.allowList(platform)).containsExactly("10.0.0.0/8", "192.0.2.7/32");
        assertThat(audit.auditEntries()).last().extracting(e -> e.action()).isEqualTo("sip-allow-list");

        assertThatThrownBy(() -> admin.saveAllowList(platform, List.of("192.0.2.0/24", "pbx.example.com", "1.2.3.4/40")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("allowList[1]", "cidr.invalid"),
                                org.assertj.core.groups.Tuple.tuple("allowList[2]", "cidr.invalid")));
        assertThat(admin.allowList(platform)).containsExactly("10.0.0.0/8", "192.0.2.7/32");
    }

    private Ban ban(String address, String user, int secondsLater) {
        Instant since = clock.instant().plusSeconds(secondsLater);
        return new Ban(address, user, BanReason.FLOOD, since, since.plus(Duration.ofMinutes(10)), "n1");
    }

    /** The allow-list as a node keeps it: a list replaced whole. */
    private static final class SavedAllowList implements AllowListStore {
        private List<String> entries = new ArrayList<>();

        @Override
        public List<String> entries() {
            return entries;
        }

        @Override
        public void save(List<String> entries) {
            this.entries = List.copyOf(entries);
        }
    }
}
