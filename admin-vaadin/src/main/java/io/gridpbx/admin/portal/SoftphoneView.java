package io.gridpbx.admin.portal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.gridpbx.admin.AdminSettings;
import io.gridpbx.admin.layout.MainLayout;
import io.gridpbx.admin.security.AdminSession;
import io.gridpbx.admin.security.ForLevels;
import io.gridpbx.core.access.Level;
import io.gridpbx.core.manage.SelfCare;
import io.gridpbx.core.tenancy.User;
import java.io.ByteArrayInputStream;

/**
 * What a softphone needs. The SIP secret is never shown again once set: a new one is drawn on demand,
 * shown once with its QR code, and the old one stops working at once.
 */
@Route(value = "portal/softphone", layout = MainLayout.class)
@ForLevels(Level.USER)
class SoftphoneView extends VerticalLayout implements HasDynamicTitle {

    final Button newSecret = new Button(getTranslation("softphone.new-secret"));
    final Div secretBox = new Div();
    private final SelfCare selfCare;
    private final AdminSettings settings;
    private final User me;

    SoftphoneView(SelfCare selfCare, AdminSettings settings) {
        this.selfCare = selfCare;
        this.settings = settings;
        this.me = selfCare.me(AdminSession.require().scope());
        newSecret.setId("new-secret");
        newSecret.addThemeVariants(ButtonVariant.PRIMARY);
        newSecret.addClickListener(click -> drawSecret());
        secretBox.setId("secret-box");
        secretBox.addClassName("secret-box");
        Div card = new Div(line("softphone.username", "sip-username", me.authUser()),
                line("softphone.server", "sip-server", me.domain()),
                line("softphone.port", "sip-port", Integer.toString(settings.sipPort())),
                line("softphone.proxy", "sip-proxy", settings.sipServerHost() + ":" + settings.sipPort()));
        card.addClassName("portal-card");
        add(new H2(getTranslation("nav.softphone")), card, new Paragraph(getTranslation("softphone.help")),
                newSecret, secretBox);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.softphone") + " · GridPBX";
    }

    private void drawSecret() {
        String secret = selfCare.newSipSecret(AdminSession.require().scope());
        Span shown = new Span(secret);
        shown.setId("sip-secret");
        shown.addClassName("secret");
        String payload = "sip:" + me.authUser() + "@" + me.domain() + ";secret=" + secret + ";proxy="
                + settings.sipServerHost() + ":" + settings.sipPort();
        byte[] png = QrCodes.png(payload, 240);
        Image qr = new Image(DownloadHandler.fromInputStream(request -> new DownloadResponse(
                new ByteArrayInputStream(png), "softphone.png", "image/png", png.length)).inline(),
                getTranslation("softphone.qr"));
        qr.setId("softphone-qr");
        secretBox.removeAll();
        secretBox.add(new Paragraph(getTranslation("softphone.once")), shown, qr);
    }

    private Div line(String labelKey, String id, String value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("portal-label");
        Span text = new Span(value);
        text.setId(id);
        Div line = new Div(label, text);
        line.addClassName("portal-line");
        return line;
    }
}
