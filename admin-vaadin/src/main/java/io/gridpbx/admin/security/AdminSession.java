package io.gridpbx.admin.security;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import io.gridpbx.core.access.Actor;
import java.util.Locale;
import java.util.Optional;

/** The signed-in actor of this browser session, with its "log in as" chain. */
public final class AdminSession {

    private AdminSession() {
    }

    public static Optional<Actor> actor() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? Optional.empty() : Optional.ofNullable(session.getAttribute(Actor.class));
    }

    /** The actor; views behind the guard always have one. */
    public static Actor require() {
        return actor().orElseThrow(() -> new IllegalStateException("nobody is signed in"));
    }

    /** Starts the session of a person who has just signed in, in the language of its account. */
    public static void signIn(Actor actor, Locale locale) {
        // A new HTTP session id at sign-in: an id planted before it (session fixation) is worth nothing after.
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request != null) {
            VaadinService.reinitializeSession(request);
        }
        VaadinSession session = VaadinSession.getCurrent();
        session.setAttribute(Actor.class, actor);
        session.setLocale(locale);
    }

    /** After "log in as" or going back up the chain. */
    public static void replace(Actor actor) {
        VaadinSession.getCurrent().setAttribute(Actor.class, actor);
    }

    public static void signOut() {
        VaadinSession.getCurrent().setAttribute(Actor.class, null);
    }
}
