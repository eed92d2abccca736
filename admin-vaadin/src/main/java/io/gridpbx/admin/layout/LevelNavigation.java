package io.gridpbx.admin.layout;

import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import io.gridpbx.core.access.Level;
import java.util.List;

/** The side navigation of the acting level: what that level manages, then its tokens and audit trail. */
final class LevelNavigation extends SideNav {

    private record Entry(String id, String labelKey, String path) {
    }

    LevelNavigation() {
        setId("side-nav");
    }

    void show(Level level) {
        removeAll();
        for (Entry entry : entries(level)) {
            SideNavItem item = new SideNavItem(getTranslation(entry.labelKey()), entry.path());
            item.setId(entry.id());
            addItem(item);
        }
    }

    private static List<Entry> entries(Level level) {
        Entry tokens = new Entry("nav-tokens", "nav.tokens", "tokens");
        Entry audit = new Entry("nav-audit", "nav.audit", "audit");
        Entry password = new Entry("nav-password", "nav.password", "portal/password");
        return switch (level) {
            case PLATFORM -> List.of(new Entry("nav-resellers", "nav.resellers", "resellers"),
                    new Entry("nav-clients", "nav.clients", "clients"), tokens, audit, password);
            case RESELLER -> List.of(new Entry("nav-clients", "nav.clients", "clients"), tokens, audit, password);
            case CLIENT -> List.of(new Entry("nav-users", "nav.users", "users"), tokens, audit, password);
            case USER -> List.of(new Entry("nav-portal", "nav.portal", "portal"),
                    new Entry("nav-settings", "nav.settings", "portal/settings"),
                    new Entry("nav-softphone", "nav.softphone", "portal/softphone"),
                    new Entry("nav-directory", "nav.directory", "portal/directory"), password);
        };
    }
}
