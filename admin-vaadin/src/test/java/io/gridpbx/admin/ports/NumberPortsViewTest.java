package io.gridpbx.admin.ports;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.combobox.ComboBox;
import io.gridpbx.admin.AdminUiTest;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.features.ConfigKind;
import io.gridpbx.core.features.ConfigObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NumberPortsViewTest extends AdminUiTest {

    @Test
    void thePlatformMovesASubmittedPortToCompletedAndTheResellerSeesIt() {
        Scope demo = Scope.reseller("demo.gridpbx.test");
        ConfigObject filed = fixture.config.create(demo, ConfigKind.NUMBER_PORT,
                Map.of("number", "15145550777", "losingCarrier", "Old Telco", "status", "submitted"));
        fixture.config.create(demo, ConfigKind.NUMBER_PORT,
                Map.of("number", "15145550778", "losingCarrier", "Old Telco", "status", "draft"));
        signIn("admin@gridpbx.test");
        NumberPortsView view = navigate(NumberPortsView.class);
        var grid = test(view.grid);
        assertThat(grid.size()).as("drafts are not in the queue").isEqualTo(1);
        assertThat(grid.getCellText(0, grid.getColumnPosition("reseller"))).isEqualTo("demo.gridpbx.test");

        @SuppressWarnings("unchecked")
        ComboBox<String> picker = (ComboBox<String>) grid.getCellComponent(0, "status");
        assertThat(picker.getId()).contains("port-status-15145550777");
        test(picker).selectItem("Completed");

        assertThat(fixture.config.get(demo, ConfigKind.NUMBER_PORT, filed.id()).values()).containsEntry("status", "completed");
        assertThat(fixture.access.auditEntries()).extracting(e -> e.action())
                .contains("number-port-completed");
    }

    @Test
    void aResellerNeverSeesTheQueue() {
        signIn("reseller@demo.gridpbx.test");
        navigate("number-ports", com.vaadin.flow.component.Component.class);
        assertThat(getCurrentView()).isNotInstanceOf(NumberPortsView.class);
    }
}
