package io.gridpbx.admin.shared;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.i18n.I18NProvider;

/** "registered (2)" or "offline": how many contacts a user has registered right now, cluster-wide. */
public final class RegistrationBadge extends Span {

    public RegistrationBadge(int registrations) {
        addClassName("status-badge");
        if (registrations > 0) {
            addClassName("registered");
            setText(I18NProvider.translate("status.registered", registrations));
        } else {
            addClassName("offline");
            setText(I18NProvider.translate("status.offline"));
        }
    }
}
