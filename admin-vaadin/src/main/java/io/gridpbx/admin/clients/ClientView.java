package io.gridpbx.admin.clients;

import com.vaadin.flow.router.Route;
import io.gridpbx.admin.layout.MainLayout;
import io.gridpbx.admin.security.ForLevels;
import io.gridpbx.admin.shared.EditPage;
import io.gridpbx.core.access.Level;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.manage.ClientAdmin;
import io.gridpbx.core.tenancy.Client;
import java.util.List;

/**
 * One client's edit page. The domain comes from the URL, so it always goes through
 * {@link ClientAdmin#get}: a domain of another reseller is "not found", exactly like one that does not exist.
 */
@Route(value = "clients/:domain", layout = MainLayout.class)
@ForLevels({Level.PLATFORM, Level.RESELLER})
class ClientView extends EditPage<Client, ClientEditor> {

    private final ClientAdmin clients;

    ClientView(ClientAdmin clients) {
        super("domain", "client.edit", new ClientEditor(List.of()), ClientsView.class);
        this.clients = clients;
    }

    @Override
    protected Client find(Scope actor, String domain) {
        return clients.get(actor, domain);
    }

    @Override
    protected Client store(Scope actor, String domain) {
        return clients.update(actor, domain, editor.form());
    }

    @Override
    protected String name(Client client) {
        return client.domain();
    }
}
