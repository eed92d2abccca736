package io.gridpbx.admin.layout;

import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.features.FeatureConfig;
import io.gridpbx.core.features.FeatureConfig.Branding;
import java.util.Optional;

/**
 * The name at the top left ({@code app-title}): GridPBX, or the brand of the reseller above the actor
 * when it set one, with its logo ({@code brand-logo}) when it gave a logo address.
 */
final class Brand extends HorizontalLayout {

    static final String PRODUCT = "GridPBX";

    private final FeatureConfig config;
    private final Image logo = new Image();
    private final Span name = new Span(PRODUCT);

    Brand(FeatureConfig config) {
        this.config = config;
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
        String logoUrl = branding.map(Branding::logoUrl).orElse(null);
        logo.setVisible(logoUrl != null);
        if (logoUrl != null) {
            logo.setSrc(logoUrl);
            logo.setAlt(getTranslation("layout.logo", brandName));
        }
    }
}
