package io.gridpbx.admin.trunking;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.gridpbx.admin.i18n.ErrorTexts;
import io.gridpbx.admin.layout.MainLayout;
import io.gridpbx.admin.security.AdminSession;
import io.gridpbx.admin.security.ForLevels;
import io.gridpbx.admin.shared.ConfirmDelete;
import io.gridpbx.admin.shared.FormDialog;
import io.gridpbx.admin.shared.Notices;
import io.gridpbx.admin.shared.Paging;
import io.gridpbx.admin.shared.RowActions;
import io.gridpbx.admin.shared.SearchField;
import io.gridpbx.admin.shared.Toolbar;
import io.gridpbx.core.access.Level;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.manage.ClientAdmin;
import io.gridpbx.core.manage.NotFoundException;
import io.gridpbx.core.manage.Page;
import io.gridpbx.core.manage.ResellerAdmin;
import io.gridpbx.core.manage.ValidationException;
import io.gridpbx.core.trunking.Did;
import io.gridpbx.core.trunking.DidAdmin;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The numbers in the acting scope, searched and loaded page by page. The platform adds ranges,
 * hands numbers to resellers and deletes unassigned ones; a reseller hands its numbers to its
 * clients; a client points each of its numbers at an extension.
 */
@Route(value = "dids", layout = MainLayout.class)
@ForLevels({Level.PLATFORM, Level.RESELLER, Level.CLIENT})
class DidsView extends VerticalLayout implements HasDynamicTitle {

    final SearchField search = new SearchField(this::refresh);
    final Grid<Did> grid = new Grid<>();
    final FormDialog dialog = new FormDialog("did-dialog");
    final @Nullable DidRangeForm range;
    final @Nullable DidAssignBar assignBar;
    private final DidAdmin dids;
    private final Scope scope;

    DidsView(DidAdmin dids, ResellerAdmin resellers, ClientAdmin clients) {
        this.dids = dids;
        this.scope = AdminSession.require().scope();
        setSizeFull();
        Level level = scope.level();
        range = level == Level.PLATFORM ? new DidRangeForm(dids, scope, this::refresh) : null;
        assignBar = switch (level) {
            case PLATFORM -> new DidAssignBar("did.to-reseller", resellers.list(scope, "", 0, Page.MAX_LIMIT).items()
                    .stream().map(r -> r.reseller().realm()).toList(), this::assign);
            case RESELLER -> new DidAssignBar("did.to-client", clients.list(scope, null, "", 0, Page.MAX_LIMIT).items()
                    .stream().map(c -> c.client().domain()).toList(), this::assign);
            default -> null;
        };
        configureGrid(level);
        add(new H2(getTranslation("did.title")));
        if (range != null) {
            add(range);
        }
        add(assignBar == null ? new Toolbar(search) : new Toolbar(search, assignBar), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("did.title") + " · GridPBX";
    }

    private void configureGrid(Level level) {
        grid.setId("dids-grid");
        grid.addColumn(Did::number).setKey("number").setHeader(getTranslation("did.number")).setAutoWidth(true);
        if (level == Level.PLATFORM) {
            grid.addColumn(Did::resellerRealm).setKey("reseller").setHeader(getTranslation("client.reseller"));
        }
        if (level != Level.CLIENT) {
            grid.addColumn(Did::clientDomain).setKey("client").setHeader(getTranslation("did.client"));
        }
        grid.addColumn(Did::destination).setKey("destination").setHeader(getTranslation("did.destination"));
        if (level != Level.RESELLER) {
            grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        }
        if (assignBar != null) {
            grid.setSelectionMode(Grid.SelectionMode.MULTI);
            grid.addSelectionListener(selection -> assignBar.selectionChanged(selection.getAllSelectedItems().size()));
        }
        Paging.bind(grid, (offset, limit) -> dids.list(scope, search.getValue(), offset, limit))
                .setIdentifierProvider(Did::number);
    }

    private RowActions actions(Did did) {
        RowActions actions = new RowActions(did.number());
        if (scope.level() == Level.CLIENT) {
            actions.action("destination", "did.destination", VaadinIcon.PHONE, () -> openDestination(did));
        } else if (did.resellerRealm() == null) {
            actions.delete(() -> ConfirmDelete.open(did.number(), () -> dids.delete(scope, did.number()),
                    this::refresh));
        }
        return actions;
    }

    private void openDestination(Did did) {
        DidDestinationForm form = new DidDestinationForm();
        form.edit(dids.get(scope, did.number()));
        dialog.open(getTranslation("did.destination-of", did.number()), form, () -> {
            dids.route(scope, did.number(), form.destination.getValue());
            refresh();
            Notices.success(getTranslation("saved.named", did.number()));
        });
    }

    private void assign(@Nullable String target) {
        List<String> numbers = grid.getSelectedItems().stream().map(Did::number).sorted().toList();
        try {
            dids.assign(scope, numbers, target);
            Notices.success(target == null ? getTranslation("did.taken-back", numbers.size())
                    : getTranslation("did.assigned", numbers.size(), target));
        } catch (ValidationException refused) {
            Notices.failure(ErrorTexts.of(refused, getLocale()));
        } catch (NotFoundException gone) {
            Notices.failure(getTranslation("did.gone"));
        }
        grid.deselectAll();
        refresh();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }
}
