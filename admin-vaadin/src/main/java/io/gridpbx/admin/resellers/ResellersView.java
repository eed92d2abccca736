package io.gridpbx.admin.resellers;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
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
import io.gridpbx.admin.shared.TopUpForm;
import io.gridpbx.core.access.Impersonation;
import io.gridpbx.core.access.Level;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.manage.BalanceAdmin;
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
    final FormDialog topUpDialog = new FormDialog("top-up-dialog");
    ResellerEditor editor = new ResellerEditor();
    TopUpForm topUp;
    private final ResellerAdmin resellers;
    private final BalanceAdmin balances;
    private final Impersonation impersonation;
    private final AdminSettings settings;

    ResellersView(ResellerAdmin resellers, BalanceAdmin balances, Impersonation impersonation, AdminSettings settings) {
        this.resellers = resellers;
        this.balances = balances;
        this.impersonation = impersonation;
        this.settings = settings;
        this.topUp = new TopUpForm(settings.currency());
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
        // A balance the grid did not give in time reads as a dash, never as a reassuring 0.
        grid.addColumn(row -> row.balanceMicros() == null ? "–"
                        : Formats.money(row.balanceMicros(), settings.currency(), getLocale()))
                .setKey("balance").setHeader(getTranslation("reseller.balance")).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(row -> LanguageFields.endonym(AdminTranslations.of(row.reseller().language())))
                .setKey("language").setHeader(getTranslation("field.language"));
        grid.addColumn(ResellerAdmin.Row::clients).setKey("clients").setHeader(getTranslation("reseller.clients"));
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true).setFlexGrow(0)
                .setFrozenToEnd(true);
        Paging.bind(grid, (offset, limit) -> resellers.list(scope(), search.getValue(), offset, limit));
    }

    private RowActions actions(ResellerAdmin.Row row) {
        String realm = row.reseller().realm();
        return new RowActions(realm, () -> UI.getCurrent().navigate("resellers/" + realm),
                () -> ConfirmDelete.open(realm, () -> resellers.delete(scope(), realm), this::refresh),
                () -> Connect.as(impersonation, Scope.reseller(realm)))
                .action("top-up", "action.top-up", VaadinIcon.MONEY_DEPOSIT, () -> openTopUp(row));
    }

    private void openAddDialog() {
        editor = new ResellerEditor();
        dialog.open(getTranslation("reseller.add"), editor, () -> {
            Reseller created = resellers.create(AdminSession.require(), editor.form());
            refresh();
            Notices.success(getTranslation("reseller.created", created.realm()));
        });
    }

    private void openTopUp(ResellerAdmin.Row row) {
        String realm = row.reseller().realm();
        topUp = new TopUpForm(settings.currency());
        topUp.edit(row.balanceMicros());
        topUpDialog.open(getTranslation("top-up.title", realm), topUp, () -> {
            long after = balances.topUp(AdminSession.require(), realm, topUp.amount.getValue(), topUp.note.getValue());
            refresh();
            Notices.success(getTranslation("top-up.done", realm, Formats.money(after, settings.currency(), getLocale())));
        });
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private static Scope scope() {
        return AdminSession.require().scope();
    }
}
