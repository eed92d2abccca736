package io.gridpbx.admin.clients;

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
import io.gridpbx.core.manage.ClientAdmin;
import io.gridpbx.core.manage.Page;
import io.gridpbx.core.manage.ResellerAdmin;
import io.gridpbx.core.tenancy.Client;
import java.util.List;

/** The clients inside the acting scope (one reseller's, or every reseller's for the platform). */
@Route(value = "clients", layout = MainLayout.class)
@ForLevels({Level.PLATFORM, Level.RESELLER})
class ClientsView extends VerticalLayout implements HasDynamicTitle {

    final SearchField search = new SearchField(this::refresh);
    final Button add = Buttons.add("add-client", "client.add", this::openAddDialog);
    final Grid<ClientAdmin.Row> grid = new Grid<>();
    final FormDialog dialog = new FormDialog("client-dialog");
    final FormDialog topUpDialog = new FormDialog("top-up-dialog");
    ClientEditor editor = new ClientEditor(List.of());
    TopUpForm topUp;
    private final ClientAdmin clients;
    private final ResellerAdmin resellers;
    private final BalanceAdmin balances;
    private final Impersonation impersonation;
    private final AdminSettings settings;

    ClientsView(ClientAdmin clients, ResellerAdmin resellers, BalanceAdmin balances, Impersonation impersonation,
            AdminSettings settings) {
        this.clients = clients;
        this.resellers = resellers;
        this.balances = balances;
        this.impersonation = impersonation;
        this.settings = settings;
        this.topUp = new TopUpForm(settings.currency());
        setSizeFull();
        configureGrid();
        add(new H2(getTranslation("client.title")), new Toolbar(search, add), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("client.title") + " · GridPBX";
    }

    private void configureGrid() {
        grid.setId("clients-grid");
        grid.addColumn(row -> row.client().domain()).setKey("domain").setHeader(getTranslation("client.domain"))
                .setAutoWidth(true);
        grid.addColumn(row -> row.client().name()).setKey("name").setHeader(getTranslation("field.name"))
                .setAutoWidth(true);
        grid.addColumn(row -> row.client().email()).setKey("email").setHeader(getTranslation("field.email"))
                .setAutoWidth(true);
        grid.addColumn(ClientAdmin.Row::users).setKey("users").setHeader(getTranslation("client.users"));
        // A balance the grid did not give in time reads as a dash, never as a reassuring 0.
        grid.addColumn(row -> row.balanceMicros() == null ? "–"
                        : Formats.money(row.balanceMicros(), settings.currency(), getLocale()))
                .setKey("balance").setHeader(getTranslation("client.balance")).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(row -> LanguageFields.endonym(AdminTranslations.of(row.client().language())))
                .setKey("language").setHeader(getTranslation("field.language"));
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true).setFlexGrow(0)
                .setFrozenToEnd(true);
        Paging.bind(grid, (offset, limit) -> clients.list(scope(), null, search.getValue(), offset, limit));
    }

    /** A reseller tops up its own clients; the platform, whose clients they are not, does not. */
    private RowActions actions(ClientAdmin.Row row) {
        String domain = row.client().domain();
        RowActions actions = new RowActions(domain, () -> UI.getCurrent().navigate("clients/" + domain),
                () -> ConfirmDelete.open(domain, () -> clients.delete(scope(), domain), this::refresh),
                () -> Connect.as(impersonation, Scope.client(domain)));
        if (scope().level() == Level.RESELLER) {
            actions.action("top-up", "action.top-up", VaadinIcon.MONEY_DEPOSIT, () -> openTopUp(row));
        }
        return actions;
    }

    private void openTopUp(ClientAdmin.Row row) {
        String domain = row.client().domain();
        topUp = new TopUpForm(settings.currency());
        topUp.edit(row.balanceMicros());
        topUpDialog.open(getTranslation("top-up.title", domain), topUp, () -> {
            long after = balances.topUp(AdminSession.require(), domain, topUp.amount.getValue(), topUp.note.getValue());
            refresh();
            Notices.success(getTranslation("top-up.done", domain, Formats.money(after, settings.currency(), getLocale())));
        });
    }

    private void openAddDialog() {
        List<String> realms = scope().level() == Level.PLATFORM
                ? resellers.list(scope(), "", 0, Page.MAX_LIMIT).items().stream().map(r -> r.reseller().realm()).toList()
                : List.of();
        editor = new ClientEditor(realms);
        dialog.open(getTranslation("client.add"), editor, () -> {
            Client created = clients.create(scope(), editor.form());
            refresh();
            Notices.success(getTranslation("client.created", created.domain()));
        });
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private static Scope scope() {
        return AdminSession.require().scope();
    }
}
