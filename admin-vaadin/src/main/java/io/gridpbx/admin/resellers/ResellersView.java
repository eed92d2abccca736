package io.gridpbx.admin.resellers;

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
import io.gridpbx.admin.AdminSettings;
import io.gridpbx.admin.i18n.AdminTranslations;
import io.gridpbx.admin.i18n.ErrorTexts;
import io.gridpbx.admin.i18n.Formats;
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
import io.gridpbx.core.manage.ConflictException;
import io.gridpbx.core.manage.NotFoundException;
import io.gridpbx.core.manage.Page;
import io.gridpbx.core.manage.ResellerAdmin;
import io.gridpbx.core.manage.ValidationException;
import io.gridpbx.core.tenancy.Reseller;

/** The platform's resellers, searched and loaded page by page. */
@Route(value = "resellers", layout = MainLayout.class)
@ForLevels(Level.PLATFORM)
class ResellersView extends VerticalLayout implements HasDynamicTitle {

    final TextField search = new TextField();
    final Button add = new Button(getTranslation("reseller.add"), VaadinIcon.PLUS.create());
    final Grid<ResellerAdmin.Row> grid = new Grid<>();
    ResellerEditor editor = new ResellerEditor();
    FormDialog dialog;
    private final ResellerAdmin resellers;
    private final Impersonation impersonation;
    private final AdminSettings settings;

    ResellersView(ResellerAdmin resellers, Impersonation impersonation, AdminSettings settings) {
        this.resellers = resellers;
        this.impersonation = impersonation;
        this.settings = settings;
        setSizeFull();
        search.setId("search");
        search.setPlaceholder(getTranslation("action.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        add.setId("add-reseller");
        add.addThemeVariants(ButtonVariant.PRIMARY);
        add.addClickListener(click -> openAddDialog());
        dialog = new FormDialog("reseller-dialog", getTranslation("reseller.add"), editor, this::create);
        configureGrid();
        HorizontalLayout toolbar = new HorizontalLayout(search, add);
        toolbar.addClassName("toolbar");
        add(new H2(getTranslation("reseller.title")), toolbar, grid);
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
                .setKey("balance").setHeader(getTranslation("reseller.balance")).setTextAlign(
                        com.vaadin.flow.component.grid.ColumnTextAlign.END);
        grid.addColumn(row -> LanguageFields.endonym(AdminTranslations.of(row.reseller().language())))
                .setKey("language").setHeader(getTranslation("field.language"));
        grid.addColumn(ResellerAdmin.Row::clients).setKey("clients").setHeader(getTranslation("reseller.clients"));
        grid.addComponentColumn(row -> new RowActions(row.reseller().realm(), () -> edit(row.reseller()),
                () -> confirmDelete(row.reseller()), () -> connectAs(row.reseller()))).setKey("actions")
                .setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.setItems(query -> resellers.list(scope(), search.getValue(), query.getOffset(),
                        Math.min(query.getLimit(), Page.MAX_LIMIT)).items().stream(),
                query -> (int) resellers.list(scope(), search.getValue(), 0, 1).total());
    }

    private void openAddDialog() {
        editor = new ResellerEditor();
        dialog.removeAll();
        dialog.add(editor);
        dialog.open();
    }

    private boolean create() {
        try {
            Reseller created = resellers.create(scope(), editor.form());
            grid.getDataProvider().refreshAll();
            Notices.success(getTranslation("reseller.created", created.realm()));
            return true;
        } catch (ValidationException refused) {
            editor.errors.show(refused, getLocale());
            return false;
        }
    }

    private void edit(Reseller reseller) {
        UI.getCurrent().navigate("resellers/" + reseller.realm());
    }

    private void confirmDelete(Reseller reseller) {
        ConfirmDelete.open(reseller.realm(), () -> {
            try {
                resellers.delete(scope(), reseller.realm());
                Notices.success(getTranslation("delete.done", reseller.realm()));
            } catch (ConflictException conflict) {
                Notices.failure(ErrorTexts.of(conflict, getLocale()));
            } catch (NotFoundException gone) {
                Notices.failure(getTranslation("notfound.text", reseller.realm()));
            }
            grid.getDataProvider().refreshAll();
        });
    }

    private void connectAs(Reseller reseller) {
        try {
            Connect.as(impersonation, Scope.reseller(reseller.realm()));
        } catch (NotFoundException gone) {
            Notices.failure(getTranslation("notfound.text", reseller.realm()));
        }
    }

    private static Scope scope() {
        return AdminSession.require().scope();
    }
}
