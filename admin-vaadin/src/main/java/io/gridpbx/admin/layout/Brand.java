package io.gridpbx.admin.layout;

import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.gridpbx.admin.shared.Pictures;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.features.FeatureConfig;
import io.gridpbx.core.features.FeatureConfig.Branding;
import io.gridpbx.core.manage.Logos;
import io.gridpbx.core.manage.Picture;
import java.util.Optional;

/**
 * The name at the top left ({@code app-title}): GridPBX, or the brand of the reseller above the actor
 * when it set one, with its logo ({@code brand-logo}): the one it uploaded, else the address it gave.
 */
final class Brand extends HorizontalLayout {

    static final String PRODUCT = "GridPBX";

    private final FeatureConfig config;
    private final Logos logos;
    private final Image logo = new Image();
    private final Span name = new Span(PRODUCT);

    Brand(FeatureConfig config, Logos logos) {
        this.config = config;
        this.logos = logos;
        setSpacing(false);
        setAlignItems(FlexComponent.Alignment.CENTER);
        addClassName("brand");
        logo.setId("brand-logo");
        logo.addClassName("brand-logo");
        logo.setVisible(false);
        name.setId("app-title");
        name.addClassName("app-title");
        add(logo, name);
    }

    void show(Scope actor) {
        Optional<Branding> branding = config.brandingFor(actor);
        String brandName = branding.map(Branding::brandName).filter(n -> !n.isBlank()).orElse(PRODUCT);
        name.setText(brandName);
        Optional<Picture> uploaded = logos.shownTo(actor);
        String logoUrl = branding.map(Branding::logoUrl).orElse(null);
        logo.setVisible(uploaded.isPresent() || logoUrl != null);
        logo.setAlt(getTranslation("layout.logo", brandName));
        if (uploaded.isPresent()) {
            logo.setSrc(Pictures.inline(uploaded.get()));
        } else if (logoUrl != null) {
            logo.setSrc(logoUrl);
        }
    }
}
