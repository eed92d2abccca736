package io.gridpbx.node.metrics;

import com.hazelcast.core.HazelcastInstance;
import io.gridpbx.core.dialog.DialogRegistry;
import io.gridpbx.core.location.BindingStore;
import io.gridpbx.core.security.AllowList;
import io.gridpbx.node.NodeProperties;
import io.gridpbx.node.drain.NodeDrain;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.gridpbx.persistence.jdbc.Database;
import io.gridpbx.sip.SipServer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Publishes the node's meters and guards {@code /actuator/prometheus}. */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    static final String SCRAPE_PATH = "/actuator/prometheus";

    @Bean
    SipMeters sipMeters(SipServer sip, NodeProperties properties) {
        return new SipMeters(sip.counters(), sip.guard(), properties.metrics().perTenant());
    }

    @Bean(destroyMethod = "close")
    GridMeters gridMeters(HazelcastInstance grid, BindingStore bindings, DialogRegistry dialogs, Database database) {
        return new GridMeters(grid, bindings, dialogs, database);
    }

    @Bean
    MeterBinder drainMeter(NodeDrain drain) {
        return registry -> Gauge.builder("gridpbx.node.draining", drain, d -> d.draining() ? 1 : 0)
                .description("1 while this node drains: out of DNS, no new calls, leaving when its calls end")
                .register(registry);
    }

    @Bean
    FilterRegistrationBean<ScrapeAccessFilter> scrapeAccessFilter(NodeProperties properties) {
        NodeProperties.Metrics metrics = properties.metrics();
        FilterRegistrationBean<ScrapeAccessFilter> registration = new FilterRegistrationBean<>(
                new ScrapeAccessFilter(AllowList.parse(metrics.allowList()), metrics.token()));
        registration.addUrlPatterns(SCRAPE_PATH, SCRAPE_PATH + "/*");
        return registration;
    }
}
