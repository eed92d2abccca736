package io.gridpbx.admin.audit;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.gridpbx.admin.AdminSettings;
import io.gridpbx.admin.i18n.AdminTranslations;
import io.gridpbx.admin.i18n.Formats;
import io.gridpbx.admin.layout.MainLayout;
import io.gridpbx.admin.security.AdminSession;
import io.gridpbx.admin.security.ForLevels;
import io.gridpbx.core.access.AuditEntry;
import io.gridpbx.core.access.AuditLog;
import io.gridpbx.core.access.Level;

/** The last 200 entries of the audit trail inside the acting scope. */
@Route(value = "audit", layout = MainLayout.class)
@ForLevels({Level.PLATFORM, Level.RESELLER, Level.CLIENT})
class AuditView extends VerticalLayout implements HasDynamicTitle {

    static final int LIMIT = 200;

    final Grid<AuditEntry> grid = new Grid<>();

    AuditView(AuditLog audit, AdminSettings settings) {
        setSizeFull();
        grid.setId("audit-grid");
        grid.addColumn(e -> Formats.dateTime(e.at(), settings.zone(), getLocale())).setKey("at")
                .setHeader(getTranslation("audit.at")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::actor).setKey("actor").setHeader(getTranslation("audit.actor"));
        grid.addColumn(e -> AdminTranslations.find("audit.action." + e.action(), getLocale()).orElse(e.action()))
                .setKey("action").setHeader(getTranslation("audit.action"));
        grid.addColumn(e -> e.actingAs().toString()).setKey("actingAs").setHeader(getTranslation("audit.acting-as"));
        grid.addColumn(AuditEntry::subject).setKey("subject").setHeader(getTranslation("audit.subject"));
        grid.setItems(audit.recent(AdminSession.require().scope(), LIMIT));
        add(new H2(getTranslation("nav.audit")), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.audit") + " · GridPBX";
    }
}
