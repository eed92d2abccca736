package io.gridpbx.core.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpbx.core.MutableClock;
import io.gridpbx.core.access.Actor;
import io.gridpbx.core.access.InMemoryAccess;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.manage.ForbiddenException;
import io.gridpbx.core.manage.NotFoundException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T23:00:00Z"));
    private final InMemoryAlertBoard board = new InMemoryAlertBoard();
    private final InMemoryNodeRoster roster = new InMemoryNodeRoster();
    private final InMemoryAccess audit = new InMemoryAccess();
    private final Alerts alerts = new Alerts(board, roster, audit, clock);
    private final Actor platform = Actor.token("ops", Scope.platform("gridpbx.test"));
    private final Actor reseller = Actor.token("res", Scope.reseller("demo.gridpbx.test"));

    @Test
    void activeAlertsComeFirst_latestRaisedFirst_thenTheLatestCleared() {
        board.raise(condition(AlertKind.NODE_LEFT, "10.0.0.1:5701"), clock.instant(), "n1");
        board.clear("node-left:10.0.0.1:5701", clock.instant().plusSeconds(10), "n2");
        board.raise(condition(AlertKind.NODE_LEFT, "10.0.0.2:5701"), clock.instant().plusSeconds(20), "n1");
        board.raise(condition(AlertKind.REGISTRATION_DROP, "cluster"), clock.instant().plusSeconds(30), "n1");

        assertThat(alerts.all(platform)).extracting(Alert::id).containsExactly("registration-drop:cluster",
                "node-left:10.0.0.2:5701", "node-left:10.0.0.1:5701");
        assertThat(alerts.active(platform)).hasSize(2);
    }

    @Test
    void aNodeThatLeftForGood_isForgotten_andAudited() {
        roster.addresses.add("10.0.0.2:5701");
        board.raise(condition(AlertKind.NODE_LEFT, "10.0.0.2:5701"), clock.instant(), "n1");

        alerts.forgetNode(platform, " 10.0.0.2:5701 ");

        assertThat(roster.addresses).isEmpty();
        assertThat(audit.auditEntries()).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("alert-forget-node");
            assertThat(entry.subject()).isEqualTo("10.0.0.2:5701");
        });
    }

    @Test
    void onlyANodeWithAnActiveNodeLeftAlert_canBeForgotten() {
        roster.addresses.add("10.0.0.3:5701");
        assertThatThrownBy(() -> alerts.forgetNode(platform, "10.0.0.3:5701")).isInstanceOf(NotFoundException.class);
        assertThat(roster.addresses).as("a live member is not forgotten").contains("10.0.0.3:5701");
    }

    @Test
    void onlyThePlatformSeesOrForgets() {
        assertThatThrownBy(() -> alerts.all(reseller)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> alerts.forgetNode(reseller, "10.0.0.2:5701")).isInstanceOf(ForbiddenException.class);
    }

    private static Condition condition(AlertKind kind, String subject) {
        return new Condition(kind, subject, "detail", 0);
    }
}
