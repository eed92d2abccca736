package io.gridpbx.admin.security;

import com.vaadin.flow.component.UI;
import io.gridpbx.core.access.Impersonation;
import io.gridpbx.core.access.Scope;

/** "Log in as": the actor goes one level down its chain and lands on that level's home. */
public final class Connect {

    private Connect() {
    }

    /** @throws io.gridpbx.core.manage.NotFoundException when the target is gone or outside the actor's subtree */
    public static void as(Impersonation impersonation, Scope target) {
        AdminSession.replace(impersonation.connectAs(AdminSession.require(), target));
        UI.getCurrent().navigate(Homes.of(target.level()));
    }
}
