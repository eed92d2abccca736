package io.gridpbx.admin.trunking;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.gridpbx.admin.AdminSettings;
import io.gridpbx.admin.layout.MainLayout;
import io.gridpbx.admin.security.AdminSession;
import io.gridpbx.admin.security.ForLevels;
import io.gridpbx.admin.shared.Buttons;
import io.gridpbx.admin.shared.ConfirmDelete;
import io.gridpbx.admin.shared.FormDialog;
import io.gridpbx.admin.shared.Notices;
import io.gridpbx.admin.shared.RowActions;
import io.gridpbx.admin.shared.Toolbar;
import io.gridpbx.core.access.Level;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.trunking.Gateway;
import io.gridpbx.core.trunking.GatewayAdmin;
import io.gridpbx.core.trunking.GatewayRegistration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;

/**
 * The platform's SIP trunks, with how each registering one's registration stands (the node that
 * keeps it and until when, or the carrier's refusal). A gateway that routes still use cannot be
 * deleted: the service's conflict says which routes, in a notice.
 */
@Route(value = "gateways", layout = MainLayout.class)
@ForLevels(Level.PLATFORM)
class GatewaysView extends VerticalLayout implements HasDynamicTitle {

    final Button add = Buttons.add("add-gateway", "gateway.add", this::openAdd);
    final Grid<Gateway> grid = new Grid<>();
    final FormDialog dialog = new FormDialog("gateway-dialog");
    GatewayEditor editor = new GatewayEditor();
    private final GatewayAdmin gateways;
    private final ZoneId zone;
    private Map<String, GatewayRegistration> registrations = Map.of();

    GatewaysView(GatewayAdmin gateways, AdminSettings settings) {
        this.gateways = gateways;
        this.zone = settings.zone();
        setSizeFull();
        grid.setId("gateways-grid");
        grid.addColumn(Gateway::name).setKey("name").setHeader(getTranslation("field.name")).setAutoWidth(true);
        grid.addColumn(g -> g.host() + ":" + g.port()).setKey("address").setHeader(getTranslation("gateway.address"))
                .setAutoWidth(true);
        grid.addColumn(Gateway::transport).setKey("transport").setHeader(getTranslation("gateway.transport"));
        grid.addColumn(Gateway::username).setKey("username").setHeader(getTranslation("gateway.username"));
        grid.addColumn(g -> yesNo(g.password() != null)).setKey("password")
                .setHeader(getTranslation("gateway.has-password"));
        grid.addColumn(g -> g.stripDigits() + " / " + (g.addPrefix() == null ? "—" : g.addPrefix())).setKey("digits")
                .setHeader(getTranslation("gateway.strip-prefix"));
        grid.addColumn(g -> yesNo(g.probing())).setKey("probing").setHeader(getTranslation("gateway.probing"));
        grid.addColumn(this::registration).setKey("registration").setHeader(getTranslation("gateway.registration"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        add(new H2(getTranslation("gateway.title")), new Toolbar(add), grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("gateway.title") + " · GridPBX";
    }

    private RowActions actions(Gateway gateway) {
        return new RowActions(gateway.id()).edit(() -> openEdit(gateway)).delete(() -> ConfirmDelete.open(
                gateway.name(), () -> gateways.delete(scope(), gateway.id()), this::refresh));
    }

    private void openAdd() {
        editor = new GatewayEditor();
        dialog.open(getTranslation("gateway.add"), editor, () -> saved(gateways.create(scope(), editor.form())));
    }

    private void openEdit(Gateway gateway) {
        editor = new GatewayEditor();
        editor.edit(gateways.get(scope(), gateway.id()));
        dialog.open(getTranslation("gateway.edit", gateway.name()), editor,
                () -> saved(gateways.update(scope(), gateway.id(), editor.form())));
    }

    private void saved(Gateway gateway) {
        refresh();
        Notices.success(getTranslation("saved.named", gateway.name()));
    }

    private void refresh() {
        registrations = gateways.registrations(scope());
        grid.setItems(gateways.list(scope()));
    }

    /** "nodeB until 12:34", "Failed: 403", "Not yet" for a registering gateway; a dash for one that registers nowhere. */
    private String registration(Gateway gateway) {
        if (!gateway.register()) {
            return "—";
        }
        GatewayRegistration state = registrations.get(gateway.id());
        if (state == null) {
            return getTranslation("gateway.registration.pending");
        }
        if (state.registered()) {
            return getTranslation("gateway.registration.registered", state.node(), DateTimeFormatter
                    .ofLocalizedTime(FormatStyle.SHORT).withLocale(getLocale()).withZone(zone)
                    .format(Instant.ofEpochMilli(state.untilMillis())));
        }
        return getTranslation("gateway.registration.failed", Integer.toString(state.lastStatus()), state.node());
    }

    private String yesNo(boolean value) {
        return getTranslation(value ? "value.yes" : "value.no");
    }

    private static Scope scope() {
        return AdminSession.require().scope();
    }
}
