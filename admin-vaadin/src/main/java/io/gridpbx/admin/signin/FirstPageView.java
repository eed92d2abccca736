package io.gridpbx.admin.signin;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.gridpbx.admin.security.AdminSession;
import io.gridpbx.admin.security.Homes;

/**
 * The address a person types first, {@code /}: signed out, the access guard sends them to the sign-in
 * page; signed in, this sends them to their level's home. It never shows anything itself.
 */
@Route("")
public class FirstPageView extends Div implements BeforeEnterObserver {

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        AdminSession.actor().ifPresent(actor -> event.forwardTo(Homes.of(actor.scope().level())));
    }
}
