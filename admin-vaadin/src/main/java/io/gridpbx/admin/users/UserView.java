package io.gridpbx.admin.users;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import io.gridpbx.admin.layout.MainLayout;
import io.gridpbx.admin.security.AdminSession;
import io.gridpbx.admin.security.ForLevels;
import io.gridpbx.admin.shared.Buttons;
import io.gridpbx.admin.shared.EditPage;
import io.gridpbx.admin.shared.Notices;
import io.gridpbx.core.access.Actor;
import io.gridpbx.core.access.Level;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.manage.NotFoundException;
import io.gridpbx.core.manage.UserAdmin;
import io.gridpbx.core.provisioning.PhoneProvisioning;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One user's edit page ({@code users/200@office.demo.gridpbx.test}); outside the actor's subtree it is "not found". */
@Route(value = "users/:aor", layout = MainLayout.class)
@ForLevels({Level.PLATFORM, Level.RESELLER, Level.CLIENT})
class UserView extends EditPage<UserAdmin.Row, UserEditor> {

    private final UserAdmin users;
    private final PhoneProvisioning phones;
    final Button phoneSecret = Buttons.small("phone-secret", "user.phone-secret", VaadinIcon.KEY, this::issueSecret);
    final Span issuedSecret = new Span();
    private @Nullable AddressOfRecord shown;

    UserView(UserAdmin users, PhoneProvisioning phones) {
        super("aor", "user.edit", new UserEditor(), UsersView.class);
        this.users = users;
        this.phones = phones;
        issuedSecret.setId("issued-phone-secret");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        shown = null;
        super.beforeEnter(event);
        issuedSecret.setText("");
        if (shown != null) {
            add(new HorizontalLayout(phoneSecret, issuedSecret));
        }
    }

    /** A new provisioning secret for the user's phone, shown this once (only its hash is kept). */
    private void issueSecret() {
        Actor actor = AdminSession.require();
        if (shown == null) {
            return;
        }
        try {
            String secret = phones.issueSecret(actor.scope(), actor.email(), shown);
            issuedSecret.setText(getTranslation("user.phone-secret.issued", secret));
        } catch (NotFoundException noPhone) {
            Notices.failure(getTranslation("user.phone-secret.no-mac"));
        }
    }

    @Override
    protected UserAdmin.Row find(Scope actor, String aor) {
        UserAdmin.Row row = users.row(users.get(actor, aor));
        editor.offer(users.profiles(actor, row.user().domain()));
        shown = row.user().addressOfRecord();
        return row;
    }

    @Override
    protected UserAdmin.Row store(Scope actor, String aor) {
        return users.row(users.update(actor, AddressOfRecord.parse(aor), editor.form()));
    }

    @Override
    protected String name(UserAdmin.Row row) {
        return row.user().addressOfRecord().toString();
    }

    /** Only a client lists its users; the levels above reach a user through "log in as". */
    @Override
    protected Optional<Class<? extends Component>> list() {
        return AdminSession.require().scope().level() == Level.CLIENT ? super.list() : Optional.empty();
    }
}
