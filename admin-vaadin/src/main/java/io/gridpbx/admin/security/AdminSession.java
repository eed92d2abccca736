package io.gridpbx.admin.security;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import io.gridpbx.core.access.Actor;
import java.util.Locale;
import java.util.Optional;

/** The signed-in actor of this browser session, with its "log in as" chain. */
public final class AdminSession {

    private static final String STAMP = "gridpbx.password-stamp";

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
        session.setAttribute(STAMP, null);
        session.setAttribute(Actor.class, actor);
        session.setLocale(locale);
    }

    /** After "log in as" or going back up the chain. */
    public static void replace(Actor actor) {
        VaadinSession.getCurrent().setAttribute(Actor.class, actor);
    }

    /**
     * Whether the session still belongs to its account as it was: the first page after sign-in
     * records the password's fingerprint; a later page with another fingerprint (the password was
     * changed or reset elsewhere) or none (the account was deleted) ends the session.
     */
    static boolean stampMatches(Optional<String> current) {
        VaadinSession session = VaadinSession.getCurrent();
        if (current.isEmpty()) {
            return false;
        }
        Object recorded = session.getAttribute(STAMP);
        if (recorded == null) {
            session.setAttribute(STAMP, current.get());
            return true;
        }
        return recorded.equals(current.get());
    }

    /** After the person changed its own password here: this session stays, the next page re-records. */
    public static void forgetStamp() {
        VaadinSession.getCurrent().setAttribute(STAMP, null);
    }

    public static void signOut() {
        VaadinSession.getCurrent().setAttribute(STAMP, null);
        VaadinSession.getCurrent().setAttribute(Actor.class, null);
    }
}
