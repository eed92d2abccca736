package io.gridpbx.admin.alerts;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.gridpbx.admin.AdminSettings;
import io.gridpbx.admin.i18n.Formats;
import io.gridpbx.admin.layout.MainLayout;
import io.gridpbx.admin.security.AdminSession;
import io.gridpbx.admin.security.ForLevels;
import io.gridpbx.admin.shared.Notices;
import io.gridpbx.core.access.Level;
import io.gridpbx.core.alerts.Alert;
import io.gridpbx.core.alerts.AlertKind;
import io.gridpbx.core.alerts.Alerts;
import io.gridpbx.core.manage.NotFoundException;
import java.time.Instant;
import java.util.Locale;

/**
 * The cluster's alerts: the active ones first, then the cleared ones (the latest cleared first), each
 * with its subject (a node, a gateway, a client), what was measured, and when and by which node it was
 * raised and cleared.
 */
@Route(value = "alerts", layout = MainLayout.class)
@ForLevels(Level.PLATFORM)
class AlertsView extends VerticalLayout implements HasDynamicTitle {

    final Grid<Alert> grid = new Grid<>();
    final Button refresh = new Button();
    private final Alerts alerts;
    private final AdminSettings settings;

    AlertsView(Alerts alerts, AdminSettings settings) {
        this.alerts = alerts;
        this.settings = settings;
        setSizeFull();
        grid.setId("alerts-grid");
        grid.addColumn(a -> getTranslation(a.active() ? "alerts.state.active" : "alerts.state.cleared"))
                .setKey("state").setHeader(getTranslation("alerts.state")).setAutoWidth(true);
        grid.addColumn(a -> getTranslation("alerts.severity." + a.kind().severity().name().toLowerCase(Locale.ROOT)))
                .setKey("severity").setHeader(getTranslation("alerts.severity")).setAutoWidth(true);
        grid.addColumn(a -> getTranslation("alerts.kind." + a.kind().key())).setKey("kind")
                .setHeader(getTranslation("alerts.kind")).setAutoWidth(true);
        grid.addColumn(Alert::subject).setKey("subject").setHeader(getTranslation("alerts.subject")).setAutoWidth(true);
        grid.addColumn(Alert::detail).setKey("detail").setHeader(getTranslation("alerts.detail")).setFlexGrow(1);
        grid.addColumn(a -> time(a.raisedAt()) + " · " + a.raisedBy()).setKey("raised")
                .setHeader(getTranslation("alerts.raised")).setAutoWidth(true);
        grid.addColumn(a -> a.clearedAt() == null ? "" : time(a.clearedAt()) + " · " + a.clearedBy())
                .setKey("cleared").setHeader(getTranslation("alerts.cleared")).setAutoWidth(true);
        grid.addComponentColumn(this::forgetButton).setKey("forget").setAutoWidth(true);
        grid.setPartNameGenerator(a -> a.active() ? "alert-active" : null);
        refresh.setId("alerts-refresh");
        refresh.setText(getTranslation("alerts.refresh"));
        refresh.addClickListener(click -> show());
        add(new H2(getTranslation("nav.alerts")), new Paragraph(getTranslation("alerts.help")), refresh, grid);
        show();
    }

    /** Only an active "node left" can be forgotten: a node taken away for good. */
    private Component forgetButton(Alert alert) {
        if (!alert.active() || alert.kind() != AlertKind.NODE_LEFT) {
            return new Span();
        }
        Button forget = new Button(getTranslation("alerts.forget"));
        forget.setId("forget-" + alert.subject());
        forget.addClickListener(click -> {
            try {
                alerts.forgetNode(AdminSession.require(), alert.subject());
                Notices.success(getTranslation("alerts.forgotten", alert.subject()));
            } catch (NotFoundException gone) {
                Notices.failure(getTranslation("alerts.forget.gone", alert.subject()));
            }
            show();
        });
        return forget;
    }

    private String time(Instant instant) {
        return Formats.dateTime(instant, settings.zone(), getLocale());
    }

    private void show() {
        grid.setItems(alerts.all(AdminSession.require()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.alerts") + " · GridPBX";
    }
}
