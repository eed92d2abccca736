package io.gridpbx.admin.resellers;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.gridpbx.admin.AdminSettings;
import io.gridpbx.admin.i18n.AdminTranslations;
import io.gridpbx.admin.i18n.Formats;
import io.gridpbx.admin.i18n.LanguageFields;
import io.gridpbx.admin.layout.MainLayout;
import io.gridpbx.admin.security.AdminSession;
import io.gridpbx.admin.security.Connect;
import io.gridpbx.admin.security.ForLevels;
import io.gridpbx.admin.shared.Buttons;
import io.gridpbx.admin.shared.ConfirmDelete;
import io.gridpbx.admin.shared.FormDialog;
import io.gridpbx.admin.shared.Notices;
import io.gridpbx.admin.shared.Paging;
import io.gridpbx.admin.shared.RowActions;
import io.gridpbx.admin.shared.SearchField;
import io.gridpbx.admin.shared.Toolbar;
import io.gridpbx.core.access.Impersonation;
import io.gridpbx.core.access.Level;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.manage.ResellerAdmin;
import io.gridpbx.core.tenancy.Reseller;

/** The platform's resellers, searched and loaded page by page. */
@Route(value = "resellers", layout = MainLayout.class)
@ForLevels(Level.PLATFORM)
class ResellersView extends VerticalLayout implements HasDynamicTitle {

    final SearchField search = new SearchField(this::refresh);
    final Button add = Buttons.add("add-reseller", "reseller.add", this::openAddDialog);
    final Grid<ResellerAdmin.Row> grid = new Grid<>();
    final FormDialog dialog = new FormDialog("reseller-dialog");
    ResellerEditor editor = new ResellerEditor();
    private final ResellerAdmin resellers;
    private final Impersonation impersonation;
    private final AdminSettings settings;

    ResellersView(ResellerAdmin resellers, Impersonation impersonation, AdminSettings settings) {
        this.resellers = resellers;
        this.impersonation = impersonation;
        this.settings = settings;
        setSizeFull();
        configureGrid();
        add(new H2(getTranslation("reseller.title")), new Toolbar(search, add), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reseller.title") + " · GridPBX";
    }

    private void configureGrid() {
        grid.setId("resellers-grid");
        grid.addColumn(row -> row.reseller().realm()).setKey("realm").setHeader(getTranslation("reseller.realm"))
                .setAutoWidth(true);
        grid.addColumn(row -> row.reseller().name()).setKey("name").setHeader(getTranslation("field.name"))
                .setAutoWidth(true);
        grid.addColumn(row -> row.reseller().email()).setKey("email").setHeader(getTranslation("field.email"))
                .setAutoWidth(true);
        grid.addColumn(row -> Formats.percent(row.reseller().discountPercent(), getLocale())).setKey("discount")
                .setHeader(getTranslation("reseller.discount"));
        grid.addColumn(row -> Formats.money(row.reseller().balanceMicros(), settings.currency(), getLocale()))
                .setKey("balance").setHeader(getTranslation("reseller.balance")).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(row -> LanguageFields.endonym(AdminTranslations.of(row.reseller().language())))
                .setKey("language").setHeader(getTranslation("field.language"));
        grid.addColumn(ResellerAdmin.Row::clients).setKey("clients").setHeader(getTranslation("reseller.clients"));
        grid.addComponentColumn(row -> actions(row.reseller())).setKey("actions").setAutoWidth(true).setFlexGrow(0)
                .setFrozenToEnd(true);
        Paging.bind(grid, (offset, limit) -> resellers.list(scope(), search.getValue(), offset, limit));
    }

    private RowActions actions(Reseller reseller) {
        String realm = reseller.realm();
        return new RowActions(realm, () -> UI.getCurrent().navigate("resellers/" + realm),
                () -> ConfirmDelete.open(realm, () -> resellers.delete(scope(), realm), this::refresh),
                () -> Connect.as(impersonation, Scope.reseller(realm)));
    }

    private void openAddDialog() {
        editor = new ResellerEditor();
        dialog.open(getTranslation("reseller.add"), editor, () -> {
            Reseller created = resellers.create(scope(), editor.form());
            refresh();
            Notices.success(getTranslation("reseller.created", created.realm()));
        });
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private static Scope scope() {
        return AdminSession.require().scope();
    }
}
