package io.gridpbx.admin.clients;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.gridpbx.admin.i18n.AdminTranslations;
import io.gridpbx.admin.i18n.ErrorTexts;
import io.gridpbx.admin.i18n.LanguageFields;
import io.gridpbx.admin.layout.MainLayout;
import io.gridpbx.admin.security.AdminSession;
import io.gridpbx.admin.security.Connect;
import io.gridpbx.admin.security.ForLevels;
import io.gridpbx.admin.shared.ConfirmDelete;
import io.gridpbx.admin.shared.FormDialog;
import io.gridpbx.admin.shared.Notices;
import io.gridpbx.admin.shared.RowActions;
import io.gridpbx.core.access.Impersonation;
import io.gridpbx.core.access.Level;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.manage.ClientAdmin;
import io.gridpbx.core.manage.ConflictException;
import io.gridpbx.core.manage.NotFoundException;
import io.gridpbx.core.manage.Page;
import io.gridpbx.core.manage.ResellerAdmin;
import io.gridpbx.core.manage.ValidationException;
import io.gridpbx.core.tenancy.Client;
import java.util.List;

/** The clients inside the acting scope (one reseller's, or every reseller's for the platform). */
@Route(value = "clients", layout = MainLayout.class)
@ForLevels({Level.PLATFORM, Level.RESELLER})
class ClientsView extends VerticalLayout implements HasDynamicTitle {

    final TextField search = new TextField();
    final Button add = new Button(getTranslation("client.add"), VaadinIcon.PLUS.create());
    final Grid<ClientAdmin.Row> grid = new Grid<>();
    ClientEditor editor;
    final FormDialog dialog;
    private final ClientAdmin clients;
    private final ResellerAdmin resellers;
    private final Impersonation impersonation;

    ClientsView(ClientAdmin clients, ResellerAdmin resellers, Impersonation impersonation) {
        this.clients = clients;
        this.resellers = resellers;
        this.impersonation = impersonation;
        setSizeFull();
        search.setId("search");
        search.setPlaceholder(getTranslation("action.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        add.setId("add-client");
        add.addThemeVariants(ButtonVariant.PRIMARY);
        add.addClickListener(click -> openAddDialog());
        editor = new ClientEditor(List.of());
        dialog = new FormDialog("client-dialog", getTranslation("client.add"), editor, this::create);
        configureGrid();
        HorizontalLayout toolbar = new HorizontalLayout(search, add);
        toolbar.addClassName("toolbar");
        add(new H2(getTranslation("client.title")), toolbar, grid);
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
        grid.addColumn(row -> LanguageFields.endonym(AdminTranslations.of(row.client().language())))
                .setKey("language").setHeader(getTranslation("field.language"));
        grid.addComponentColumn(row -> new RowActions(row.client().domain(), () -> edit(row.client()),
                () -> confirmDelete(row.client()), () -> connectAs(row.client()))).setKey("actions")
                .setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.setItems(query -> clients.list(scope(), null, search.getValue(), query.getOffset(),
                        Math.min(query.getLimit(), Page.MAX_LIMIT)).items().stream(),
                query -> (int) clients.list(scope(), null, search.getValue(), 0, 1).total());
    }

    private void openAddDialog() {
        List<String> realms = scope().level() == Level.PLATFORM
                ? resellers.list(scope(), "", 0, Page.MAX_LIMIT).items().stream().map(r -> r.reseller().realm()).toList()
                : List.of();
        editor = new ClientEditor(realms);
        dialog.removeAll();
        dialog.add(editor);
        dialog.open();
    }

    private boolean create() {
        try {
            Client created = clients.create(scope(), editor.form());
            grid.getDataProvider().refreshAll();
            Notices.success(getTranslation("client.created", created.domain()));
            return true;
        } catch (ValidationException refused) {
            editor.errors.show(refused, getLocale());
            return false;
        }
    }

    private void edit(Client client) {
        UI.getCurrent().navigate("clients/" + client.domain());
    }

    private void confirmDelete(Client client) {
        ConfirmDelete.open(client.domain(), () -> {
            try {
                clients.delete(scope(), client.domain());
                Notices.success(getTranslation("delete.done", client.domain()));
            } catch (ConflictException conflict) {
                Notices.failure(ErrorTexts.of(conflict, getLocale()));
            } catch (NotFoundException gone) {
                Notices.failure(getTranslation("notfound.text", client.domain()));
            }
            grid.getDataProvider().refreshAll();
        });
    }

    private void connectAs(Client client) {
        try {
            Connect.as(impersonation, Scope.client(client.domain()));
        } catch (NotFoundException gone) {
            Notices.failure(getTranslation("notfound.text", client.domain()));
        }
    }

    private static Scope scope() {
        return AdminSession.require().scope();
    }
}
