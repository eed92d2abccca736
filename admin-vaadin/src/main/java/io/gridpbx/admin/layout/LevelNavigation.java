package io.gridpbx.admin.layout;

import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import io.gridpbx.core.access.Level;
import io.gridpbx.core.features.ConfigKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The side navigation of the acting level: what that level manages, its telephony, its calls, its
 * configuration kinds in sections, then its tokens and audit trail. Items are {@code nav-<name>},
 * sections {@code nav-group-<name>}.
 */
final class LevelNavigation extends SideNav {

    /** One item; a section when it has children and no path. */
    private record Entry(String id, String label, @Nullable String path, List<Entry> children) {
    }

    LevelNavigation() {
        setId("side-nav");
    }

    void show(Level level) {
        removeAll();
        entries(level).forEach(entry -> addItem(item(entry)));
    }

    private SideNavItem item(Entry entry) {
        SideNavItem item = new SideNavItem(entry.label());
        if (entry.path() != null) {
            item.setPath(entry.path());
        }
        item.setId(entry.id());
        entry.children().forEach(child -> item.addItem(item(child)));
        item.setExpanded(!entry.children().isEmpty());
        return item;
    }

    private List<Entry> entries(Level level) {
        List<Entry> entries = new ArrayList<>();
        switch (level) {
            case PLATFORM -> {
                entries.add(page("resellers"));
                entries.add(page("clients"));
                entries.add(page("alerts"));
                entries.add(group("telephony", page("gateways"), page("routes"), page("dids"), page("number-ports"),
                        page("bans"), page("dns")));
            }
            case RESELLER -> {
                entries.add(page("clients"));
                entries.add(group("telephony", page("routes"), page("dids"), page("dns")));
            }
            case CLIENT -> {
                entries.add(page("users"));
                entries.add(group("telephony", page("dids"), page("dns")));
            }
            case USER -> {
                entries.add(new Entry("nav-portal", getTranslation("nav.portal"), "portal", List.of()));
                entries.add(new Entry("nav-voicemail", getTranslation("nav.voicemail"), "portal/voicemail", List.of()));
                entries.add(new Entry("nav-settings", getTranslation("nav.settings"), "portal/settings", List.of()));
                entries.add(new Entry("nav-presence", getTranslation("nav.presence"), "portal/presence", List.of()));
                entries.add(new Entry("nav-softphone", getTranslation("nav.softphone"), "portal/softphone", List.of()));
                entries.add(new Entry("nav-directory", getTranslation("nav.directory"), "portal/directory", List.of()));
            }
        }
        entries.add(group("calls", page("calls"), page("reports")));
        for (String section : List.of("offer", "provisioning", "features", "mine", "settings")) {
            List<Entry> kinds = Arrays.stream(ConfigKind.values())
                    .filter(kind -> kind.owner() == level && !kind.dedicated() && section.equals(section(kind)))
                    .map(this::kind).toList();
            if (!kinds.isEmpty()) {
                entries.add(new Entry("nav-group-" + section, getTranslation("nav.group." + section), null, kinds));
            }
        }
        if (level != Level.USER) {
            entries.add(page("tokens"));
            entries.add(page("audit"));
        }
        entries.add(new Entry("nav-password", getTranslation("nav.password"), "portal/password", List.of()));
        return entries;
    }

    /** The section of the side navigation a kind is listed in. */
    private static String section(ConfigKind kind) {
        return switch (kind) {
            case USER_PROFILE, BILLING_PROFILE, RATE, CLIENT_BILLING, CLIENT_CALL_LIMIT, RESELLER_CALL_LIMIT,
                    GATEWAY_CALL_LIMIT -> "offer";
            case PROVISIONING_TEMPLATE, NUMBER_PORT, PORTED_NUMBER -> "provisioning";
            case PLATFORM_SETTINGS, RESELLER_SETTINGS, DIAL_PLAN -> "settings";
            default -> kind.owner() == Level.USER ? "mine" : "features";
        };
    }

    private Entry kind(ConfigKind kind) {
        return new Entry("nav-config-" + kind.path(), getTranslation("kind." + kind.path()), "config/" + kind.path(),
                List.of());
    }

    private Entry page(String path) {
        return new Entry("nav-" + path, getTranslation("nav." + path), path, List.of());
    }

    private Entry group(String name, Entry... children) {
        return new Entry("nav-group-" + name, getTranslation("nav.group." + name), null, List.of(children));
    }
}
