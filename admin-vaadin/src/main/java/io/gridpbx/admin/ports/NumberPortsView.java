package io.gridpbx.admin.ports;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.gridpbx.admin.layout.MainLayout;
import io.gridpbx.admin.security.AdminSession;
import io.gridpbx.admin.security.ForLevels;
import io.gridpbx.admin.shared.Notices;
import io.gridpbx.core.access.Actor;
import io.gridpbx.core.access.Level;
import io.gridpbx.core.features.ConfigObject;
import io.gridpbx.core.features.NumberPorts;
import io.gridpbx.core.manage.NotFoundException;
import io.gridpbx.core.manage.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * The number-port requests every reseller submitted: the platform moves each to accepted, completed
 * or rejected with the status picker of its row ({@code port-status-<number>}).
 */
@Route(value = "number-ports", layout = MainLayout.class)
@ForLevels(Level.PLATFORM)
class NumberPortsView extends VerticalLayout implements HasDynamicTitle {

    final Grid<ConfigObject> grid = new Grid<>();
    private final NumberPorts ports;

    NumberPortsView(NumberPorts ports) {
        this.ports = ports;
        setSizeFull();
        grid.setId("number-ports-grid");
        grid.addColumn(o -> o.owner().tenant()).setKey("reseller").setHeader(getTranslation("ports.reseller"));
        grid.addColumn(o -> o.values().get("number")).setKey("number").setHeader(getTranslation("field.number"));
        grid.addColumn(o -> o.values().get("losingCarrier")).setKey("losingCarrier")
                .setHeader(getTranslation("field.losingCarrier"));
        grid.addColumn(o -> o.values().getOrDefault("accountNumber", "")).setKey("accountNumber")
                .setHeader(getTranslation("field.accountNumber"));
        grid.addComponentColumn(this::statusPicker).setKey("status").setHeader(getTranslation("field.status"));
        add(new H2(getTranslation("nav.number-ports")), new Paragraph(getTranslation("ports.help")), grid);
        refresh();
    }

    private ComboBox<String> statusPicker(ConfigObject request) {
        List<String> statuses = new ArrayList<>(List.of("submitted"));
        statuses.addAll(NumberPorts.PLATFORM_STATUSES);
        ComboBox<String> picker = new ComboBox<>();
        picker.setId("port-status-" + request.values().get("number"));
        picker.setItems(statuses);
        picker.setItemLabelGenerator(status -> getTranslation("choice." + status));
        picker.setValue(request.values().get("status"));
        picker.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                decide(request, change.getValue());
            }
        });
        return picker;
    }

    private void decide(ConfigObject request, String status) {
        Actor actor = AdminSession.require();
        try {
            ports.decide(actor.scope(), request.owner().tenant(), request.id(), status, actor.email());
            Notices.success(getTranslation("ports.decided", request.values().get("number"), getTranslation("choice." + status)));
        } catch (NotFoundException | ValidationException e) {
            Notices.failure(getTranslation("ports.gone"));
        }
        refresh();
    }

    private void refresh() {
        grid.setItems(ports.queue(AdminSession.require().scope()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.number-ports") + " · GridPBX";
    }
}
