package io.gridpbx.admin.resellers;

import com.vaadin.flow.router.Route;
import io.gridpbx.admin.layout.MainLayout;
import io.gridpbx.admin.security.ForLevels;
import io.gridpbx.admin.shared.EditPage;
import io.gridpbx.core.access.Level;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.manage.ResellerAdmin;
import io.gridpbx.core.tenancy.Reseller;

/** One reseller's edit page. The realm comes from the URL, so the service decides whether the actor may see it. */
@Route(value = "resellers/:realm", layout = MainLayout.class)
@ForLevels(Level.PLATFORM)
class ResellerView extends EditPage<Reseller, ResellerEditor> {

    private final ResellerAdmin resellers;

    ResellerView(ResellerAdmin resellers) {
        super("realm", "reseller.edit", new ResellerEditor(), ResellersView.class);
        this.resellers = resellers;
    }

    @Override
    protected Reseller find(Scope actor, String realm) {
        return resellers.get(actor, realm);
    }

    @Override
    protected Reseller store(Scope actor, String realm) {
        return resellers.update(actor, realm, editor.form());
    }

    @Override
    protected String name(Reseller reseller) {
        return reseller.realm();
    }
}
