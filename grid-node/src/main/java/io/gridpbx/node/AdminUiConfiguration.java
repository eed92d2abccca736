package io.gridpbx.node;

import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.spring.annotation.EnableVaadin;
import io.gridpbx.admin.AdminSettings;
import io.gridpbx.admin.i18n.AdminTranslations;
import java.time.ZoneId;
import java.util.Currency;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The admin portal on this node's web server. Its views live outside this application's package, in
 * {@code io.gridpbx.admin}, so Vaadin is told where to find them; they are built by Spring, which
 * hands them the management services of {@link ManagementConfiguration}.
 * <p>
 * The portal runs only from the packaged jar (the build copies Vaadin's pre-compiled bundle into it).
 * In-JVM tests that start the node from {@code target/classes} turn it off with
 * {@code gridpbx.admin.ui.enabled=false} and leave Vaadin's auto-configuration out.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "gridpbx.admin.ui", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableVaadin("io.gridpbx.admin")
class AdminUiConfiguration {

    @Bean
    I18NProvider adminTranslations() {
        return new AdminTranslations();
    }

    @Bean
    AdminSettings adminSettings(NodeProperties properties, @Value("${gridpbx.admin.currency:EUR}") String currency,
            @Value("${gridpbx.admin.time-zone:}") String zone) {
        NodeProperties.Sip sip = properties.sip();
        String proxy = sip.advertisedHost() == null || sip.advertisedHost().isBlank() ? sip.host() : sip.advertisedHost();
        return new AdminSettings(Currency.getInstance(currency), zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone),
                proxy, sip.port());
    }
}
