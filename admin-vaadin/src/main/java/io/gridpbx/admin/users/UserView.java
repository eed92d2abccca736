package io.gridpbx.admin.users;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Route;
import io.gridpbx.admin.layout.MainLayout;
import io.gridpbx.admin.security.AdminSession;
import io.gridpbx.admin.security.ForLevels;
import io.gridpbx.admin.shared.EditPage;
import io.gridpbx.core.access.Level;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.manage.UserAdmin;
import java.util.Optional;

/** One user's edit page ({@code users/200@office.demo.gridpbx.test}); outside the actor's subtree it is "not found". */
@Route(value = "users/:aor", layout = MainLayout.class)
@ForLevels({Level.PLATFORM, Level.RESELLER, Level.CLIENT})
class UserView extends EditPage<UserAdmin.Row, UserEditor> {

    private final UserAdmin users;

    UserView(UserAdmin users) {
        super("aor", "user.edit", new UserEditor(), UsersView.class);
        this.users = users;
    }

    @Override
    protected UserAdmin.Row find(Scope actor, String aor) {
        UserAdmin.Row row = users.row(users.get(actor, aor));
        editor.offer(users.profiles(actor, row.user().domain()));
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
