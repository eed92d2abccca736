package io.gridpbx.admin.portal;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.gridpbx.admin.layout.MainLayout;
import io.gridpbx.admin.security.AdminSession;
import io.gridpbx.admin.security.ForLevels;
import io.gridpbx.core.access.Level;
import io.gridpbx.core.manage.SelfCare;
import io.gridpbx.core.tenancy.User;

/** The user's colleagues in its client, by extension. */
@Route(value = "portal/directory", layout = MainLayout.class)
@ForLevels(Level.USER)
class DirectoryView extends VerticalLayout implements HasDynamicTitle {

    final Grid<User> grid = new Grid<>();

    DirectoryView(SelfCare selfCare) {
        setSizeFull();
        grid.setId("directory-grid");
        grid.addColumn(User::extension).setKey("extension").setHeader(getTranslation("user.extension"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(User::displayName).setKey("name").setHeader(getTranslation("field.name"));
        grid.addColumn(User::department).setKey("department").setHeader(getTranslation("user.department"));
        grid.setItems(selfCare.directory(AdminSession.require().scope()));
        add(new H2(getTranslation("nav.directory")), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.directory") + " · GridPBX";
    }
}
