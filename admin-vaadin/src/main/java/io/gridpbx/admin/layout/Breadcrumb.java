package io.gridpbx.admin.layout;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import io.gridpbx.admin.security.AdminSession;
import io.gridpbx.admin.security.Homes;
import io.gridpbx.core.access.Actor;
import io.gridpbx.core.access.Impersonation;
import io.gridpbx.core.access.Scope;
import java.util.List;
import java.util.Locale;

/**
 * The actor's chain, home first: each level it came down from is a button ({@code crumb-<depth>})
 * that goes back up to it; the acting level is plain text ({@code crumb-current}).
 */
final class Breadcrumb extends Nav {

    private final Impersonation impersonation;

    Breadcrumb(Impersonation impersonation) {
        this.impersonation = impersonation;
        setId("breadcrumb");
        addClassName("breadcrumb");
    }

    void show(Actor actor) {
        removeAll();
        List<Scope> chain = actor.chain();
        for (int depth = 0; depth < chain.size() - 1; depth++) {
            int target = depth;
            Button crumb = new Button(label(chain.get(depth)), click -> backTo(target));
            crumb.setId("crumb-" + depth);
            crumb.addThemeVariants(ButtonVariant.TERTIARY);
            add(crumb, separator());
        }
        Span current = new Span(label(actor.scope()));
        current.setId("crumb-current");
        current.addClassName("crumb-current");
        add(current);
    }

    private void backTo(int depth) {
        Actor back = impersonation.backTo(AdminSession.require(), depth);
        AdminSession.replace(back);
        UI.getCurrent().navigate(Homes.of(back.scope().level()));
    }

    private String label(Scope scope) {
        return getTranslation("level." + scope.level().name().toLowerCase(Locale.ROOT)) + " " + scope.tenant();
    }

    private static Span separator() {
        Span separator = new Span("›");
        separator.addClassName("crumb-separator");
        return separator;
    }
}
