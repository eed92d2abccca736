package io.gridpbx.admin.security;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterListener;
import com.vaadin.flow.server.VaadinService;
import io.gridpbx.core.access.Actor;
import io.gridpbx.core.access.Level;
import io.gridpbx.core.access.SignIn;
import java.util.Arrays;
import java.util.Optional;

/**
 * Runs before every navigation, before the target view is built: signed out means the sign-in page;
 * a view meant for other levels means the actor's home. Registered on each UI by
 * {@link AccessGuardInstaller}, so no view can forget it.
 */
final class AccessGuard implements BeforeEnterListener {

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (target.isAnnotationPresent(PublicView.class) || event.isErrorEvent()) {
            return;
        }
        Optional<Actor> actor = AdminSession.actor();
        if (actor.isEmpty()) {
            event.forwardTo(Homes.SIGN_IN);
            return;
        }
        SignIn signIn = VaadinService.getCurrent().getInstantiator().getOrCreate(SignIn.class);
        if (!AdminSession.stampMatches(signIn.sessionStamp(actor.get().email()))) {
            AdminSession.signOut();
            event.forwardTo(Homes.SIGN_IN);
            return;
        }
        Level level = actor.get().scope().level();
        ForLevels levels = target.getAnnotation(ForLevels.class);
        if (levels != null && Arrays.stream(levels.value()).noneMatch(level::equals)) {
            event.forwardTo(Homes.of(level));
        }
    }
}
