package io.gridpbx.admin.clients;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.gridpbx.admin.layout.MainLayout;
import io.gridpbx.admin.security.AdminSession;
import io.gridpbx.admin.security.ForLevels;
import io.gridpbx.admin.shared.Notices;
import io.gridpbx.admin.shared.NotFoundPanel;
import io.gridpbx.core.access.Level;
import io.gridpbx.core.manage.ClientAdmin;
import io.gridpbx.core.manage.NotFoundException;
import io.gridpbx.core.manage.ValidationException;
import io.gridpbx.core.tenancy.Client;
import java.util.List;

/**
 * One client's edit page. The domain comes from the URL, so it always goes through
 * {@link ClientAdmin#get}: a domain of another reseller is "not found", exactly like one that does not exist.
 */
@Route(value = "clients/:domain", layout = MainLayout.class)
@ForLevels({Level.PLATFORM, Level.RESELLER})
class ClientView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final ClientEditor editor = new ClientEditor(List.of());
    final Button save = new Button(getTranslation("action.save"));
    private final ClientAdmin clients;
    private String domain = "";

    ClientView(ClientAdmin clients) {
        this.clients = clients;
        save.setId("save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(click -> save());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        domain = event.getRouteParameters().get("domain").orElse("");
        removeAll();
        try {
            Client client = clients.get(AdminSession.require().scope(), domain);
            editor.edit(client);
            RouterLink back = new RouterLink(getTranslation("action.back"), ClientsView.class);
            back.setId("back");
            add(new H2(getTranslation("client.edit", client.domain())), editor, new HorizontalLayout(save, back));
        } catch (NotFoundException unknown) {
            add(new NotFoundPanel(domain));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("client.edit", domain) + " · GridPBX";
    }

    private void save() {
        try {
            Client saved = clients.update(AdminSession.require().scope(), domain, editor.form());
            editor.errors.clear();
            editor.edit(saved);
            editor.password.clear();
            Notices.success(getTranslation("saved"));
        } catch (ValidationException refused) {
            editor.errors.show(refused, getLocale());
        }
    }
}
