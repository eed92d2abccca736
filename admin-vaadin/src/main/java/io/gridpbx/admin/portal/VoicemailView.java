package io.gridpbx.admin.portal;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.gridpbx.admin.AdminSettings;
import io.gridpbx.admin.i18n.Formats;
import io.gridpbx.admin.layout.MainLayout;
import io.gridpbx.admin.security.AdminSession;
import io.gridpbx.admin.security.ForLevels;
import io.gridpbx.admin.shared.ConfirmDelete;
import io.gridpbx.admin.shared.RowActions;
import io.gridpbx.core.access.Level;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.manage.Voicemails;
import io.gridpbx.core.voicemail.VoicemailMessage;
import java.time.Duration;

/**
 * The user's voicemail: its messages newest first, unheard ones marked; playing one in the page's
 * player marks it heard, deleting one removes its recording too.
 */
@Route(value = "portal/voicemail", layout = MainLayout.class)
@ForLevels(Level.USER)
class VoicemailView extends VerticalLayout implements HasDynamicTitle {

    final Grid<VoicemailMessage> grid = new Grid<>();
    final AudioPlayer player = new AudioPlayer();
    final Span empty = new Span();
    private final Voicemails voicemails;
    private final AdminSettings settings;
    private final Scope actor;
    private final String me;

    VoicemailView(Voicemails voicemails, AdminSettings settings) {
        this.voicemails = voicemails;
        this.settings = settings;
        this.actor = AdminSession.require().scope();
        this.me = actor.userAddress().toString();
        setSizeFull();
        player.setId("voicemail-player");
        empty.setId("voicemail-empty");
        empty.setText(getTranslation("voicemail.empty"));
        configureGrid();
        add(new H2(getTranslation("nav.voicemail")), player, empty, grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.voicemail") + " · GridPBX";
    }

    private void configureGrid() {
        grid.setId("voicemail-grid");
        // A fixed width: the badges are drawn after the column measures itself.
        grid.addComponentColumn(this::state).setKey("state").setHeader(getTranslation("voicemail.state"))
                .setWidth("8em").setFlexGrow(0);
        grid.addColumn(m -> Formats.dateTime(m.receivedAt(), settings.zone(), getLocale())).setKey("received")
                .setHeader(getTranslation("voicemail.received")).setAutoWidth(true);
        grid.addColumn(VoicemailMessage::caller).setKey("caller").setHeader(getTranslation("voicemail.caller"));
        grid.addColumn(m -> Formats.duration(Duration.ofSeconds(m.seconds()))).setKey("duration")
                .setHeader(getTranslation("voicemail.duration")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
    }

    private Span state(VoicemailMessage message) {
        Span badge = new Span(getTranslation(message.heard() ? "voicemail.heard" : "voicemail.new"));
        badge.getElement().getThemeList().add(message.heard() ? "badge contrast" : "badge success");
        return badge;
    }

    private RowActions actions(VoicemailMessage message) {
        return new RowActions(message.id())
                .action("play", "voicemail.play", VaadinIcon.PLAY, () -> {
                    player.play(voicemails.play(actor, me, message.id()));
                    refresh();
                })
                .delete(() -> ConfirmDelete.open(message.caller(), () -> {
                    player.stop();
                    voicemails.delete(actor, me, message.id());
                }, this::refresh));
    }

    private void refresh() {
        var messages = voicemails.list(actor, me);
        grid.setItems(messages);
        empty.setVisible(messages.isEmpty());
    }
}
