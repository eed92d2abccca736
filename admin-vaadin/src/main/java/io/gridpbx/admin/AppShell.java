package io.gridpbx.admin;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The one place for page-wide settings. Styles come as plain stylesheets (Lumo from its jar,
 * {@code gridpbx.css} from {@code META-INF/resources}) because a theme folder or a CSS import would
 * need a frontend build, and this application runs from the pre-compiled bundle.
 */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("gridpbx.css")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("GridPBX");
        settings.addFavIcon("icon", "icons/gridpbx.svg", "any");
    }
}
