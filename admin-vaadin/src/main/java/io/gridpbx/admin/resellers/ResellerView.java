package io.gridpbx.admin.resellers;

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
import io.gridpbx.core.manage.NotFoundException;
import io.gridpbx.core.manage.ResellerAdmin;
import io.gridpbx.core.manage.ValidationException;
import io.gridpbx.core.tenancy.Reseller;

/** One reseller's edit page. The realm comes from the URL, so the service decides whether the actor may see it. */
@Route(value = "resellers/:realm", layout = MainLayout.class)
@ForLevels(Level.PLATFORM)
class ResellerView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final ResellerEditor editor = new ResellerEditor();
    final Button save = new Button(getTranslation("action.save"));
    private final ResellerAdmin resellers;
    private String realm = "";

    ResellerView(ResellerAdmin resellers) {
        this.resellers = resellers;
        save.setId("save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(click -> save());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        realm = event.getRouteParameters().get("realm").orElse("");
        removeAll();
        try {
            Reseller reseller = resellers.get(AdminSession.require().scope(), realm);
            editor.edit(reseller);
            RouterLink back = new RouterLink(getTranslation("action.back"), ResellersView.class);
            back.setId("back");
            add(new H2(getTranslation("reseller.edit", reseller.realm())), editor, new HorizontalLayout(save, back));
        } catch (NotFoundException unknown) {
            add(new NotFoundPanel(realm));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reseller.edit", realm) + " · GridPBX";
    }

    private void save() {
        try {
            Reseller saved = resellers.update(AdminSession.require().scope(), realm, editor.form());
            editor.errors.clear();
            editor.edit(saved);
            editor.password.clear();
            Notices.success(getTranslation("saved"));
        } catch (ValidationException refused) {
            editor.errors.show(refused, getLocale());
        }
    }
}
