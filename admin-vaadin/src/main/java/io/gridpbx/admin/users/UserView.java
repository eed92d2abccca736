package io.gridpbx.admin.users;

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
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.manage.NotFoundException;
import io.gridpbx.core.manage.UserAdmin;
import io.gridpbx.core.manage.ValidationException;
import io.gridpbx.core.tenancy.User;

/** One user's edit page ({@code users/200@office.demo.gridpbx.test}); outside the actor's subtree it is "not found". */
@Route(value = "users/:aor", layout = MainLayout.class)
@ForLevels({Level.PLATFORM, Level.RESELLER, Level.CLIENT})
class UserView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final UserEditor editor = new UserEditor();
    final Button save = new Button(getTranslation("action.save"));
    private final UserAdmin users;
    private String aor = "";

    UserView(UserAdmin users) {
        this.users = users;
        save.setId("save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(click -> save());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        aor = event.getRouteParameters().get("aor").orElse("");
        removeAll();
        try {
            User user = users.get(AdminSession.require().scope(), aor);
            editor.edit(user, users.row(user).login());
            HorizontalLayout buttons = new HorizontalLayout(save);
            if (AdminSession.require().scope().level() == Level.CLIENT) {
                RouterLink back = new RouterLink(getTranslation("action.back"), UsersView.class);
                back.setId("back");
                buttons.add(back);
            }
            add(new H2(getTranslation("user.edit", user.addressOfRecord().toString())), editor, buttons);
        } catch (NotFoundException unknown) {
            add(new NotFoundPanel(aor));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("user.edit", aor) + " · GridPBX";
    }

    private void save() {
        try {
            User saved = users.update(AdminSession.require().scope(), AddressOfRecord.parse(aor), editor.form());
            editor.errors.clear();
            editor.edit(saved, users.row(saved).login());
            editor.sipPassword.clear();
            editor.portalPassword.clear();
            Notices.success(getTranslation("saved"));
        } catch (ValidationException refused) {
            editor.errors.show(refused, getLocale());
        }
    }
}
