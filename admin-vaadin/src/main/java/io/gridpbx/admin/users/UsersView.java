package io.gridpbx.admin.users;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.gridpbx.admin.layout.MainLayout;
import io.gridpbx.admin.security.AdminSession;
import io.gridpbx.admin.security.Connect;
import io.gridpbx.admin.security.ForLevels;
import io.gridpbx.admin.shared.ConfirmDelete;
import io.gridpbx.admin.shared.FormDialog;
import io.gridpbx.admin.shared.Notices;
import io.gridpbx.admin.shared.RegistrationBadge;
import io.gridpbx.admin.shared.RowActions;
import io.gridpbx.core.access.Impersonation;
import io.gridpbx.core.access.Level;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.access.SignIn;
import io.gridpbx.core.manage.NotFoundException;
import io.gridpbx.core.manage.Page;
import io.gridpbx.core.manage.UserAdmin;
import io.gridpbx.core.manage.ValidationException;
import io.gridpbx.core.tenancy.User;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The acting client's users, with their registration status now, and their CSV export and import. */
@Route(value = "users", layout = MainLayout.class)
@ForLevels(Level.CLIENT)
class UsersView extends VerticalLayout implements HasDynamicTitle {

    final TextField search = new TextField();
    final Button add = new Button(getTranslation("user.add"), VaadinIcon.PLUS.create());
    final Grid<UserAdmin.Row> grid = new Grid<>();
    final Anchor export;
    final ImportPanel importPanel;
    UserEditor editor = new UserEditor();
    final FormDialog dialog;
    private final UserAdmin users;
    private final Impersonation impersonation;
    private final Scope scope;
    private final String domain;

    UsersView(UserAdmin users, SignIn signIn, Impersonation impersonation) {
        this.users = users;
        this.impersonation = impersonation;
        this.scope = AdminSession.require().scope();
        this.domain = scope.domain();
        setSizeFull();
        search.setId("search");
        search.setPlaceholder(getTranslation("action.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        add.setId("add-user");
        add.addThemeVariants(ButtonVariant.PRIMARY);
        add.addClickListener(click -> openAddDialog());
        dialog = new FormDialog("user-dialog", getTranslation("user.add"), editor, this::create);
        export = new Anchor(DownloadHandler.fromInputStream(event -> csvDownload()), AttachmentType.DOWNLOAD,
                getTranslation("user.export"));
        export.setId("export-csv");
        export.addClassName("export-link");
        importPanel = new ImportPanel(new UserImport(users, signIn), scope, domain, () -> grid.getDataProvider().refreshAll());
        Details importDetails = new Details(getTranslation("user.import"), importPanel);
        importDetails.setId("import-details");
        configureGrid();
        HorizontalLayout toolbar = new HorizontalLayout(search, add, export);
        toolbar.addClassName("toolbar");
        toolbar.setAlignItems(Alignment.BASELINE);
        add(new H2(getTranslation("user.title", domain)), toolbar, importDetails, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("user.title", domain) + " · GridPBX";
    }

    private void configureGrid() {
        grid.setId("users-grid");
        grid.addColumn(row -> row.user().extension()).setKey("extension").setHeader(getTranslation("user.extension"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(row -> new RegistrationBadge(row.registrations())).setKey("status")
                .setHeader(getTranslation("user.status")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(row -> row.user().displayName()).setKey("name").setHeader(getTranslation("field.name"));
        grid.addColumn(UserAdmin.Row::login).setKey("login").setHeader(getTranslation("user.login"))
                .setAutoWidth(true);
        grid.addColumn(row -> row.user().department()).setKey("department").setHeader(getTranslation("user.department"));
        grid.addColumn(row -> Macs.display(row.user().mac())).setKey("mac").setHeader(getTranslation("user.mac"));
        grid.addComponentColumn(row -> new RowActions(row.user().extension(), () -> edit(row.user()),
                () -> confirmDelete(row.user()), () -> connectAs(row.user()))).setKey("actions")
                .setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.setItems(query -> users.list(scope, domain, search.getValue(), query.getOffset(),
                        Math.min(query.getLimit(), Page.MAX_LIMIT)).items().stream(),
                query -> (int) users.list(scope, domain, search.getValue(), 0, 1).total());
    }

    private void openAddDialog() {
        editor = new UserEditor();
        dialog.removeAll();
        dialog.add(editor);
        dialog.open();
    }

    private boolean create() {
        try {
            User created = users.create(scope, domain, editor.form());
            grid.getDataProvider().refreshAll();
            Notices.success(getTranslation("user.created", created.extension()));
            return true;
        } catch (ValidationException refused) {
            editor.errors.show(refused, getLocale());
            return false;
        }
    }

    private void edit(User user) {
        UI.getCurrent().navigate("users/" + user.addressOfRecord());
    }

    private void confirmDelete(User user) {
        ConfirmDelete.open(user.addressOfRecord().toString(), () -> {
            try {
                users.delete(scope, user.addressOfRecord());
                Notices.success(getTranslation("delete.done", user.extension()));
            } catch (NotFoundException gone) {
                Notices.failure(getTranslation("notfound.text", user.extension()));
            }
            grid.getDataProvider().refreshAll();
        });
    }

    private void connectAs(User user) {
        try {
            Connect.as(impersonation, Scope.user(user.addressOfRecord()));
        } catch (NotFoundException gone) {
            Notices.failure(getTranslation("notfound.text", user.extension()));
        }
    }

    /** Every user of the client, page by page, as CSV. */
    String csv() {
        List<List<String>> rows = new ArrayList<>();
        for (int offset = 0; ; offset += Page.MAX_LIMIT) {
            Page<UserAdmin.Row> page = users.list(scope, domain, "", offset, Page.MAX_LIMIT);
            page.items().forEach(row -> rows.add(Arrays.asList(row.user().extension(), row.user().displayName(),
                    row.login(), row.user().language(), row.user().department(), Macs.display(row.user().mac()))));
            if (offset + Page.MAX_LIMIT >= page.total()) {
                return UserCsv.write(rows);
            }
        }
    }

    private DownloadResponse csvDownload() {
        byte[] bytes = csv().getBytes(StandardCharsets.UTF_8);
        return new DownloadResponse(new ByteArrayInputStream(bytes), "users-" + domain + ".csv",
                "text/csv;charset=UTF-8", bytes.length);
    }
}
