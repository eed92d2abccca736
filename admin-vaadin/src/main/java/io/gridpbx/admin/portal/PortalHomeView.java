package io.gridpbx.admin.portal;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.gridpbx.admin.layout.MainLayout;
import io.gridpbx.admin.security.AdminSession;
import io.gridpbx.admin.security.ForLevels;
import io.gridpbx.admin.shared.ImagePanel;
import io.gridpbx.admin.shared.RegistrationBadge;
import io.gridpbx.core.access.Level;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.manage.SelfCare;
import io.gridpbx.core.manage.UserAdmin;
import io.gridpbx.core.tenancy.User;

/**
 * The user's home: who it is, its profile picture, whether its phones are registered right now and how
 * many voicemail messages wait for it.
 */
@Route(value = "portal", layout = MainLayout.class)
@ForLevels(Level.USER)
class PortalHomeView extends VerticalLayout implements HasDynamicTitle {

    final Span extension = new Span();
    final Span name = new Span();
    final Div status = new Div();
    final Span voicemail = new Span();
    final ImagePanel picture;

    PortalHomeView(SelfCare selfCare, UserAdmin users) {
        Scope actor = AdminSession.require().scope();
        User me = selfCare.me(actor);
        picture = new ImagePanel("profile-picture", "portal.picture", new ImagePanel.Source(() -> selfCare.picture(actor),
                bytes -> selfCare.setPicture(actor, bytes), () -> selfCare.clearPicture(actor)), this::refreshHeader);
        extension.setId("my-extension");
        extension.setText(me.extension() + "@" + me.domain());
        name.setId("my-name");
        name.setText(me.displayName());
        status.setId("registration-status");
        UserAdmin.Row row = users.row(me);
        status.add(new RegistrationBadge(row.registrations()));
        voicemail.setId("my-voicemail");
        voicemail.setText(getTranslation("user.voicemail.count", row.voicemail().unheard(), row.voicemail().total()));
        Div card = new Div(line("portal.extension", extension), line("field.name", name), line("user.status", status),
                line("user.voicemail", voicemail));
        card.addClassName("portal-card");
        add(new H2(getTranslation("portal.welcome", me.displayName())), card, picture);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.portal") + " · GridPBX";
    }

    /** The header shows the picture too, and stays on screen while the picture changes. */
    private void refreshHeader() {
        MainLayout layout = findAncestor(MainLayout.class);
        if (layout != null) {
            layout.refreshAvatar();
        }
    }

    private Div line(String labelKey, com.vaadin.flow.component.Component value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("portal-label");
        Div line = new Div(label, value);
        line.addClassName("portal-line");
        return line;
    }
}
