package io.gridpbx.admin.portal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.gridpbx.admin.i18n.ErrorTexts;
import io.gridpbx.admin.layout.MainLayout;
import io.gridpbx.admin.security.AdminSession;
import io.gridpbx.admin.security.ForLevels;
import io.gridpbx.admin.shared.Buttons;
import io.gridpbx.admin.shared.Fields;
import io.gridpbx.admin.shared.FormErrors;
import io.gridpbx.admin.shared.Notices;
import io.gridpbx.admin.shared.RowActions;
import io.gridpbx.core.access.Level;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.manage.ConflictException;
import io.gridpbx.core.manage.PresenceSettings;
import io.gridpbx.core.manage.PresenceSettings.Watching;
import io.gridpbx.core.presence.PresenceRules;
import io.gridpbx.core.presence.body.Entry;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The user's presence: who watches it now (blocked or, for an outsider, removed in one click), the colleagues
 * it blocks, the users outside its client it allows, and its busy-lamp list, the one its phone fetches over XCAP.
 */
@Route(value = "portal/presence", layout = MainLayout.class)
@ForLevels(Level.USER)
class PresenceView extends VerticalLayout implements HasDynamicTitle {

    final Grid<Watching> watchers = new Grid<>();
    final Span noWatchers = new Span();
    final Grid<AddressOfRecord> blocked = new Grid<>();
    final TextField blockField = Fields.text("block-watcher", "presence.block-field");
    final Grid<AddressOfRecord> allowed = new Grid<>();
    final TextField allowField = Fields.text("allow-watcher", "presence.allow-field");
    final TextArea blf = new TextArea(getTranslation("presence.blf"));
    final FormErrors blockErrors = new FormErrors("block-error").bind("watcher", blockField);
    final FormErrors allowErrors = new FormErrors("allow-error").bind("watcher", allowField);
    final FormErrors blfErrors = new FormErrors("blf-error").bind("blf", blf);
    private final PresenceSettings presence;
    private final Scope actor;
    private final String me;
    private final AddressOfRecord myAddress;

    PresenceView(PresenceSettings presence) {
        this.presence = presence;
        this.actor = AdminSession.require().scope();
        this.myAddress = actor.userAddress();
        this.me = myAddress.toString();
        addClassName("presence-view");
        noWatchers.setId("presence-no-watchers");
        noWatchers.setText(getTranslation("presence.no-watchers"));
        configureGrids();
        blf.setId("blf");
        blf.setHelperText(getTranslation("presence.blf.help"));
        blf.addClassName("blf-list");
        add(new H2(getTranslation("nav.presence")),
                new H3(getTranslation("presence.watchers")), noWatchers, watchers,
                new H3(getTranslation("presence.blocked")), blocked,
                line(blockField, Buttons.small("block", "presence.block", VaadinIcon.BAN, this::block)), blockErrors.general(),
                new H3(getTranslation("presence.allowed")), allowed,
                line(allowField, Buttons.small("allow", "presence.allow", VaadinIcon.PLUS, this::allow)), allowErrors.general(),
                new H3(getTranslation("presence.blf.title")), blf, blfErrors.general(),
                Buttons.primary("save-blf", "action.save", this::saveBlf));
        refresh();
        blf.setValue(presence.blfList(actor, me).stream().map(PresenceView::shown).collect(Collectors.joining("\n")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.presence") + " · GridPBX";
    }

    private void configureGrids() {
        watchers.setId("presence-watchers");
        watchers.setAllRowsVisible(true);
        watchers.addColumn(w -> w.watcher().toString()).setKey("watcher").setHeader(getTranslation("presence.watcher"));
        watchers.addColumn(w -> getTranslation("presence.package." + w.event().token())).setKey("package")
                .setHeader(getTranslation("presence.package"));
        watchers.addComponentColumn(this::watcherActions).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        blocked.setId("presence-blocked");
        blocked.setAllRowsVisible(true);
        blocked.addColumn(AddressOfRecord::toString).setKey("watcher").setHeader(getTranslation("presence.watcher"));
        blocked.addComponentColumn(a -> new RowActions(a.user())
                .action("unblock", "presence.unblock", VaadinIcon.CHECK, () -> change(() -> presence.unblock(actor, me, a.toString()))))
                .setKey("actions").setAutoWidth(true).setFlexGrow(0);
        allowed.setId("presence-allowed");
        allowed.setAllRowsVisible(true);
        allowed.addColumn(AddressOfRecord::toString).setKey("watcher").setHeader(getTranslation("presence.watcher"));
        allowed.addComponentColumn(a -> new RowActions(a.toString().replace('@', '-'))
                .action("disallow", "presence.remove", VaadinIcon.CLOSE_SMALL, () -> change(() -> presence.disallow(actor, me, a.toString()))))
                .setKey("actions").setAutoWidth(true).setFlexGrow(0);
    }

    /** A colleague is blocked; an outsider, which watches only because allowed, is removed from the allowed. */
    private Component watcherActions(Watching watching) {
        AddressOfRecord watcher = watching.watcher();
        String key = watcher.toString().replace('@', '-') + "-" + watching.event().token();
        if (watcher.domain().equals(myAddress.domain())) {
            return new RowActions(key).action("block", "presence.block", VaadinIcon.BAN,
                    () -> change(() -> presence.block(actor, me, watcher.toString())));
        }
        return new RowActions(key).action("disallow", "presence.remove", VaadinIcon.CLOSE_SMALL,
                () -> change(() -> presence.disallow(actor, me, watcher.toString())));
    }

    private void block() {
        if (blockErrors.attempt(() -> presence.block(actor, me, blockField.getValue()))) {
            blockField.clear();
            refresh();
        }
    }

    private void allow() {
        if (allowErrors.attempt(() -> presence.allow(actor, me, allowField.getValue()))) {
            allowField.clear();
            refresh();
        }
    }

    private void change(Runnable change) {
        change.run();
        refresh();
    }

    private void saveBlf() {
        List<String> keys = Arrays.stream(blf.getValue().split("[\\n,]+")).map(String::strip)
                .filter(key -> !key.isEmpty()).toList();
        try {
            if (blfErrors.attempt(() -> blf.setValue(presence.saveBlfList(actor, me, keys).stream()
                    .map(PresenceView::shown).collect(Collectors.joining("\n"))))) {
                Notices.success(getTranslation("presence.blf.saved"));
            }
        } catch (ConflictException changed) {
            Notices.failure(ErrorTexts.of(changed, getLocale()));
        }
    }

    private void refresh() {
        List<Watching> now = presence.watchers(actor, me);
        watchers.setItems(now);
        watchers.setVisible(!now.isEmpty());
        noWatchers.setVisible(now.isEmpty());
        PresenceRules rules = presence.rules(actor, me);
        blocked.setItems(List.copyOf(rules.blocked()));
        allowed.setItems(List.copyOf(rules.allowed()));
    }

    /** A key as the user typed it: its extension alone when it is one of its client's. */
    private static String shown(Entry entry) {
        String uri = entry.uri().startsWith("sip:") ? entry.uri().substring(4) : entry.uri();
        int at = uri.indexOf('@');
        return at > 0 ? uri.substring(0, at) : uri;
    }

    private static HorizontalLayout line(Component field, Component button) {
        HorizontalLayout line = new HorizontalLayout(field, button);
        line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return line;
    }
}
