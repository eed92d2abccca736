package io.gridpbx.admin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.admin.AdminUiTest;
import org.junit.jupiter.api.Test;

class AuditViewTest extends AdminUiTest {

    @Test
    void showsTheTrailOfTheScope_withLocalizedTimes() {
        fixture.clock.advance(java.time.Duration.ofMinutes(1));
        signIn("admin@gridpbx.test");
        AuditView view = navigate(AuditView.class);
        var grid = test(view.grid);

        assertThat(grid.size()).isGreaterThan(0);
        assertThat(grid.getCellText(0, grid.getColumnPosition("action"))).isEqualTo("signed in");
        assertThat(grid.getCellText(0, grid.getColumnPosition("at")).replace('\u202f', ' ')).isEqualTo("Nov 26, 2026, 10:01:00 AM");
    }

    @Test
    void aResellerSeesOnlyItsOwnSubtree() {
        fixture.clock.advance(java.time.Duration.ofMinutes(1));
        signIn("reseller@other.gridpbx.test");
        fixture.actor("admin@office.demo.gridpbx.test");
        AuditView view = navigate(AuditView.class);
        var grid = test(view.grid);
        assertThat(grid.getRow(0).actor()).isEqualTo("reseller@other.gridpbx.test");
        for (int row = 0; row < grid.size(); row++) {
            assertThat(grid.getRow(row).actingAs().tenant()).endsWith("other.gridpbx.test");
        }
    }
}
