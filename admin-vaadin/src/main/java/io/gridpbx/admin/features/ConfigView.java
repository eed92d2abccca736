package io.gridpbx.admin.features;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.gridpbx.admin.layout.MainLayout;
import io.gridpbx.admin.security.AdminSession;
import io.gridpbx.admin.shared.ImagePanel;
import io.gridpbx.admin.shared.NotFoundPanel;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.features.ConfigKind;
import io.gridpbx.core.features.FeatureConfig;
import io.gridpbx.core.manage.Logos;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code config/<kind>}, e.g. {@code config/ring-groups}: the acting level's objects of that kind, or
 * the form of a settings-like kind. A kind that does not exist or belongs to another level shows the
 * "not found" panel, so the URL tells nothing about what other levels keep.
 */
@Route(value = "config/:kind", layout = MainLayout.class)
class ConfigView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final FeatureConfig config;
    private final Logos logos;
    private String title = "";
    /** The reseller's logo upload, on its settings page only. */
    @Nullable ImagePanel logo;

    ConfigView(FeatureConfig config, Logos logos) {
        this.config = config;
        this.logos = logos;
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String path = event.getRouteParameters().get("kind").orElse("");
        Scope actor = AdminSession.require().scope();
        Optional<ConfigKind> kind = ConfigKind.byPath(path).filter(k -> k.owner() == actor.level());
        removeAll();
        if (kind.isEmpty()) {
            title = getTranslation("notfound.title");
            add(new NotFoundPanel(path));
            return;
        }
        title = getTranslation("kind." + path);
        add(new H2(title), kind.get().single() ? new ConfigSingle(config, actor, kind.get())
                : new ConfigList(config, actor, kind.get(), title));
        logo = null;
        if (kind.get() == ConfigKind.RESELLER_SETTINGS) {
            String realm = actor.tenant();
            logo = new ImagePanel("brand-logo-image", "logo", new ImagePanel.Source(() -> logos.of(actor, realm),
                    bytes -> logos.set(actor, realm, bytes), () -> logos.clear(actor, realm)), this::refreshBrand);
            add(new H3(getTranslation("logo")), logo);
        }
    }

    private void refreshBrand() {
        MainLayout layout = findAncestor(MainLayout.class);
        if (layout != null) {
            layout.refreshBrand();
        }
    }

    @Override
    public String getPageTitle() {
        return title + " · GridPBX";
    }
}
