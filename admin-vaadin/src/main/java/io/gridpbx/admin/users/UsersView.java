package io.gridpbx.admin.users;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.gridpbx.admin.AdminSettings;
import io.gridpbx.admin.i18n.Formats;
import io.gridpbx.admin.layout.MainLayout;
import io.gridpbx.admin.security.AdminSession;
import io.gridpbx.admin.security.Connect;
import io.gridpbx.admin.security.ForLevels;
import io.gridpbx.admin.shared.Buttons;
import io.gridpbx.admin.shared.ConfirmDelete;
import io.gridpbx.admin.shared.CsvLink;
import io.gridpbx.admin.shared.FormDialog;
import io.gridpbx.admin.shared.Notices;
import io.gridpbx.admin.shared.Paging;
import io.gridpbx.admin.shared.RegistrationBadge;
import io.gridpbx.admin.shared.RowActions;
import io.gridpbx.admin.shared.SearchField;
import io.gridpbx.admin.shared.Toolbar;
import io.gridpbx.core.access.Impersonation;
import io.gridpbx.core.access.Level;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.manage.Page;
import io.gridpbx.core.manage.UserAdmin;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.provisioning.PhoneProvisioning;
import io.gridpbx.core.tenancy.User;
import io.gridpbx.core.voicemail.Mailbox;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The acting client's users, with their registration status now, and their CSV export and import. */
@Route(value = "users", layout = MainLayout.class)
@ForLevels(Level.CLIENT)
class UsersView extends VerticalLayout implements HasDynamicTitle {

    final SearchField search = new SearchField(this::refresh);
    final Button add = Buttons.add("add-user", "user.add", this::openAddDialog);
    final Grid<UserAdmin.Row> grid = new Grid<>();
    final FormDialog dialog = new FormDialog("user-dialog");
    final Anchor export;
    final ImportPanel importPanel;
    UserEditor editor = new UserEditor();
    private final UserAdmin users;
    private final Impersonation impersonation;
    private final PhoneProvisioning phones;
    private final AdminSettings settings;
    /** The phones of the rows fetched last, read once per page. */
    private final Map<AddressOfRecord, PhoneProvisioning.PhoneStatus> phoneStatuses = new ConcurrentHashMap<>();
    private final Scope scope;
    private final String domain;

    UsersView(UserAdmin users, Impersonation impersonation, PhoneProvisioning phones, AdminSettings settings) {
        this.users = users;
        this.impersonation = impersonation;
        this.phones = phones;
        this.settings = settings;
        this.scope = AdminSession.require().scope();
        this.domain = scope.domain();
        setSizeFull();
        export = CsvLink.of("export-csv", "user.export", () -> new CsvLink.File("users-" + domain + ".csv", csv()));
        importPanel = new ImportPanel(new UserImport(users), scope, domain, this::refresh);
        Details importDetails = new Details(getTranslation("user.import"), importPanel);
        importDetails.setId("import-details");
        configureGrid();
        add(new H2(getTranslation("user.title", domain)), new Toolbar(search, add, export), importDetails, grid);
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
        grid.addColumn(this::voicemail).setKey("voicemail").setHeader(getTranslation("user.voicemail"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(row -> row.user().firstName()).setKey("firstName").setHeader(getTranslation("user.first-name"));
        grid.addColumn(row -> row.user().lastName()).setKey("lastName").setHeader(getTranslation("user.last-name"));
        grid.addColumn(row -> row.user().displayName()).setKey("name").setHeader(getTranslation("user.display-name"));
        grid.addColumn(UserAdmin.Row::profileName).setKey("profile").setHeader(getTranslation("user.profile"))
                .setAutoWidth(true);
        grid.addColumn(UserAdmin.Row::login).setKey("login").setHeader(getTranslation("user.login"))
                .setAutoWidth(true);
        grid.addColumn(row -> row.user().department()).setKey("department").setHeader(getTranslation("user.department"));
        grid.addColumn(row -> Macs.display(row.user().mac())).setKey("mac").setHeader(getTranslation("user.mac"));
        grid.addColumn(this::provisioned).setKey("provisioned").setHeader(getTranslation("user.provisioned"))
                .setAutoWidth(true);
        grid.addComponentColumn(row -> actions(row.user())).setKey("actions").setAutoWidth(true).setFlexGrow(0)
                .setFrozenToEnd(true);
        Paging.bind(grid, (offset, limit) -> {
            Page<UserAdmin.Row> page = users.list(scope, domain, search.getValue(), offset, limit);
            phoneStatuses.putAll(phones.statuses(scope, page.items().stream().map(UserAdmin.Row::user).toList()));
            return page;
        });
    }

    /** When the user's phone last fetched its configuration, and a warning when it gets no SIP password. */
    private String provisioned(UserAdmin.Row row) {
        PhoneProvisioning.PhoneStatus status = phoneStatuses.get(row.user().addressOfRecord());
        if (status == null) {
            return "";
        }
        String when = status.lastProvisioned() == null ? getTranslation("user.provisioned.never")
                : Formats.dateTime(status.lastProvisioned(), settings.zone(), getLocale());
        return status.withoutPassword() ? when + " · " + getTranslation("user.provisioned.no-password") : when;
    }

    /** "2 new of 5", or just the count when all were heard, or nothing for an empty mailbox. */
    private String voicemail(UserAdmin.Row row) {
        Mailbox.Count count = row.voicemail();
        if (count.total() == 0) {
            return "";
        }
        return count.unheard() == 0 ? Integer.toString(count.total())
                : getTranslation("user.voicemail.count", count.unheard(), count.total());
    }

    private RowActions actions(User user) {
        return new RowActions(user.extension(), () -> UI.getCurrent().navigate("users/" + user.addressOfRecord()),
                () -> ConfirmDelete.open(user.addressOfRecord().toString(),
                        () -> users.delete(scope, user.addressOfRecord()), this::refresh),
                () -> Connect.as(impersonation, Scope.user(user.addressOfRecord())));
    }

    private void openAddDialog() {
        editor = new UserEditor();
        editor.offer(users.profiles(scope, domain));
        dialog.open(getTranslation("user.add"), editor, () -> {
            User created = users.create(scope, domain, editor.form());
            refresh();
            Notices.success(getTranslation("user.created", created.extension()));
        });
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    /** Every user of the client, page by page, as CSV. */
    String csv() {
        List<List<String>> rows = new ArrayList<>();
        for (int offset = 0; ; offset += Page.MAX_LIMIT) {
            Page<UserAdmin.Row> page = users.list(scope, domain, "", offset, Page.MAX_LIMIT);
            page.items().forEach(row -> rows.add(Arrays.asList(row.user().extension(), row.user().displayName(),
                    row.user().firstName(), row.user().lastName(), row.login(), row.user().language(),
                    row.user().department(), Macs.display(row.user().mac()))));
            if (offset + Page.MAX_LIMIT >= page.total()) {
                return UserCsv.write(rows);
            }
        }
    }
}
