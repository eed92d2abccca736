package io.gridpbx.admin.trunking;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
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
import io.gridpbx.core.trunking.GatewayAdmin;
import io.gridpbx.core.trunking.GatewayAdmin.Choice;
import io.gridpbx.core.trunking.OutboundRoute;
import io.gridpbx.core.trunking.RouteAdmin;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The acting platform's or reseller's own outbound routes, lowest priority first. Gateways are
 * chosen by name from the platform's: a reseller never sees their hosts or credentials.
 */
@Route(value = "routes", layout = MainLayout.class)
@ForLevels({Level.PLATFORM, Level.RESELLER})
class RoutesView extends VerticalLayout implements HasDynamicTitle {

    final Button add = Buttons.add("add-route", "route.add", this::openAdd);
    final Grid<OutboundRoute> grid = new Grid<>();
    final FormDialog dialog = new FormDialog("route-dialog");
    RouteEditor editor = new RouteEditor(List.of());
    private final RouteAdmin routes;
    private final GatewayAdmin gateways;
    private Map<String, String> gatewayNames = Map.of();

    RoutesView(RouteAdmin routes, GatewayAdmin gateways) {
        this.routes = routes;
        this.gateways = gateways;
        setSizeFull();
        grid.setId("routes-grid");
        grid.addColumn(OutboundRoute::priority).setKey("priority").setHeader(getTranslation("route.priority"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(OutboundRoute::name).setKey("name").setHeader(getTranslation("field.name")).setAutoWidth(true);
        grid.addColumn(OutboundRoute::pattern).setKey("pattern").setHeader(getTranslation("route.pattern"))
                .setAutoWidth(true);
        grid.addColumn(this::gatewaysText).setKey("gateways").setHeader(getTranslation("route.gateways"));
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        add(new H2(getTranslation("route.title")), new Paragraph(getTranslation("route.help")), new Toolbar(add), grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("route.title") + " · GridPBX";
    }

    /** Ordered gateways as {@code A → B}; weighted ones as {@code A (70) · B (30)}. */
    private String gatewaysText(OutboundRoute route) {
        if (!route.weighted()) {
            return route.gatewayIds().stream().map(id -> gatewayNames.getOrDefault(id, id))
                    .collect(Collectors.joining(" → "));
        }
        return IntStream.range(0, route.gatewayIds().size()).mapToObj(i -> gatewayNames.getOrDefault(
                route.gatewayIds().get(i), route.gatewayIds().get(i)) + " (" + route.weights().get(i) + ")")
                .collect(Collectors.joining(" · "));
    }

    private RowActions actions(OutboundRoute route) {
        return new RowActions(route.id()).edit(() -> openEdit(route)).delete(() -> ConfirmDelete.open(route.name(),
                () -> routes.delete(scope(), route.id()), this::refresh));
    }

    private void openAdd() {
        editor = new RouteEditor(choices());
        dialog.open(getTranslation("route.add"), editor, () -> saved(routes.create(scope(), editor.form())));
    }

    private void openEdit(OutboundRoute route) {
        editor = new RouteEditor(choices());
        editor.edit(routes.get(scope(), route.id()));
        dialog.open(getTranslation("route.edit", route.name()), editor,
                () -> saved(routes.update(scope(), route.id(), editor.form())));
    }

    private void saved(OutboundRoute route) {
        refresh();
        Notices.success(getTranslation("saved.named", route.name()));
    }

    private List<Choice> choices() {
        return gateways.choices(scope());
    }

    private void refresh() {
        gatewayNames = choices().stream().collect(Collectors.toMap(Choice::id, Choice::name));
        grid.setItems(routes.list(scope()));
    }

    private static Scope scope() {
        return AdminSession.require().scope();
    }
}
