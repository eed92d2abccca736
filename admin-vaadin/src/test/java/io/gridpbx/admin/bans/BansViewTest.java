package io.gridpbx.admin.bans;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import io.gridpbx.admin.AdminUiTest;
import io.gridpbx.core.security.Ban;
import io.gridpbx.core.security.BanReason;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BansViewTest extends AdminUiTest {

    @Test
    void thePlatformSeesTheBansAndLockouts_andUnbanLiftsTheSource() {
        Instant now = fixture.clock.instant();
        fixture.bans.add(new Ban("203.0.113.5", null, BanReason.FLOOD, now, now.plus(Duration.ofMinutes(10)), "node1"));
        fixture.bans.add(new Ban("198.51.100.9", "200@office.demo.gridpbx.test", BanReason.PASSWORD_GUESSING,
                now.plusSeconds(1), now.plus(Duration.ofMinutes(10)), "node2"));
        signIn("admin@gridpbx.test");
        BansView view = navigate(BansView.class);
        var grid = test(view.grid);
        assertThat(grid.size()).isEqualTo(2);
        assertThat(grid.getCellText(0, grid.getColumnPosition("address"))).isEqualTo("198.51.100.9");
        assertThat(grid.getCellText(0, grid.getColumnPosition("user"))).isEqualTo("200@office.demo.gridpbx.test");
        assertThat(grid.getCellText(0, grid.getColumnPosition("reason"))).isEqualTo("Password guessing");
        assertThat(grid.getCellText(1, grid.getColumnPosition("reason"))).isEqualTo("Flood");

        test((Button) grid.getCellComponent(1, "unban")).click();

        assertThat(fixture.bans.isBanned("203.0.113.5")).isFalse();
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(fixture.access.auditEntries()).extracting(e -> e.action()).contains("sip-unban");
    }

    @Test
    void theAllowListIsSaved_andABadLineIsNamedOnTheFieldWithNothingSaved() {
        signIn("admin@gridpbx.test");
        BansView view = navigate(BansView.class);

        test(view.allowList).setValue("192.0.2.0/24\npbx.example.com");
        test(view.saveAllowList).click();
        assertThat(view.allowList.isInvalid()).isTrue();
        assertThat(view.allowList.getErrorMessage()).contains("Line 2 (pbx.example.com)").contains("CIDR");
        assertThat(fixture.banAdmin.allowList(fixture.actor("admin@gridpbx.test"))).isEmpty();

        test(view.allowList).setValue("192.0.2.7/24\n\n10.1.2.3");
        test(view.saveAllowList).click();
        assertThat(view.allowList.isInvalid()).isFalse();
        assertThat(fixture.banAdmin.allowList(fixture.actor("admin@gridpbx.test")))
                .containsExactly("192.0.2.0/24", "10.1.2.3/32");
        assertThat(view.allowList.getValue()).isEqualTo("192.0.2.0/24\n10.1.2.3/32");
    }

    @Test
    void aResellerNeverSeesThePage() {
        signIn("reseller@demo.gridpbx.test");
        navigate("bans", Component.class);
        assertThat(getCurrentView()).isNotInstanceOf(BansView.class);
    }
}
