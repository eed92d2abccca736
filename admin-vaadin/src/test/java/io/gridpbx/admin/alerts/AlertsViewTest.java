package io.gridpbx.admin.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import io.gridpbx.admin.AdminUiTest;
import io.gridpbx.admin.i18n.AdminTranslations;
import io.gridpbx.core.alerts.AlertKind;
import io.gridpbx.core.alerts.Condition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AlertsViewTest extends AdminUiTest {

    @Test
    void thePlatformSeesTheActiveAlertsFirst_thenTheClearedOnesWithBothTimes() {
        Instant earlier = fixture.clock.instant().minus(Duration.ofHours(1));
        fixture.alertBoard.raise(new Condition(AlertKind.NODE_LEFT, "127.0.0.3:5701", "member left", 2), earlier,
                "127.0.0.1:5701");
        fixture.alertBoard.clear("node-left:127.0.0.3:5701", earlier.plusSeconds(60), "127.0.0.2:5701");
        fixture.alertBoard.raise(new Condition(AlertKind.WRITE_BEHIND_BACKLOG, "127.0.0.2:5701",
                "12000 writes pending", 12000), fixture.clock.instant(), "127.0.0.2:5701");
        signIn("admin@gridpbx.test");

        AlertsView view = navigate(AlertsView.class);

        var grid = test(view.grid);
        assertThat(grid.size()).isEqualTo(2);
        assertThat(grid.getCellText(0, grid.getColumnPosition("state"))).isEqualTo("Active");
        assertThat(grid.getCellText(0, grid.getColumnPosition("kind"))).isEqualTo("Write-behind backlog");
        assertThat(grid.getCellText(0, grid.getColumnPosition("severity"))).isEqualTo("Warning");
        assertThat(grid.getCellText(0, grid.getColumnPosition("detail"))).isEqualTo("12000 writes pending");
        assertThat(grid.getCellText(0, grid.getColumnPosition("cleared"))).isEmpty();
        assertThat(grid.getCellText(1, grid.getColumnPosition("state"))).isEqualTo("Cleared");
        assertThat(grid.getCellText(1, grid.getColumnPosition("kind"))).isEqualTo("Node left");
        assertThat(grid.getCellText(1, grid.getColumnPosition("subject"))).isEqualTo("127.0.0.3:5701");
        assertThat(grid.getCellText(1, grid.getColumnPosition("raised"))).endsWith("127.0.0.1:5701");
        assertThat(grid.getCellText(1, grid.getColumnPosition("cleared"))).endsWith("127.0.0.2:5701");

        fixture.alertBoard.clear("write-behind-backlog:127.0.0.2:5701", fixture.clock.instant(), "127.0.0.2:5701");
        test(view.refresh).click();
        assertThat(test(view.grid).getCellText(0, grid.getColumnPosition("state"))).isEqualTo("Cleared");
    }

    @Test
    void everyKindHasAName_inBothLanguages() {
        for (AlertKind kind : AlertKind.values()) {
            for (Locale locale : List.of(Locale.ENGLISH, Locale.FRENCH)) {
                assertThat(AdminTranslations.find("alerts.kind." + kind.key(), locale)).as("%s in %s", kind, locale)
                        .isPresent();
            }
        }
    }

    @Test
    void aNodeThatLeftForGood_isForgottenByItsButton_andOnlyActiveNodeLeftAlertsHaveOne() {
        fixture.nodeRoster.addresses.add("127.0.0.3:5701");
        fixture.alertBoard.raise(new Condition(AlertKind.NODE_LEFT, "127.0.0.3:5701", "member left", 2),
                fixture.clock.instant(), "127.0.0.1:5701");
        fixture.alertBoard.raise(new Condition(AlertKind.REGISTRATION_DROP, "cluster", "fell", 100),
                fixture.clock.instant().minusSeconds(5), "127.0.0.1:5701");
        signIn("admin@gridpbx.test");
        AlertsView view = navigate(AlertsView.class);
        var grid = test(view.grid);

        assertThat(grid.getCellComponent(1, "forget")).isNotInstanceOf(Button.class);
        test((Button) grid.getCellComponent(0, "forget")).click();

        assertThat(fixture.nodeRoster.addresses).isEmpty();
        assertThat(fixture.access.auditEntries()).extracting(e -> e.action()).contains("alert-forget-node");
    }

    @Test
    void aResellerNeverSeesThePage() {
        signIn("reseller@demo.gridpbx.test");
        navigate("alerts", Component.class);
        assertThat(getCurrentView()).isNotInstanceOf(AlertsView.class);
    }
}
