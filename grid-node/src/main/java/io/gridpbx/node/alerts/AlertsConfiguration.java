package io.gridpbx.node.alerts;

import com.hazelcast.core.HazelcastInstance;
import io.gridpbx.core.access.AuditLog;
import io.gridpbx.core.alerts.AlertBoard;
import io.gridpbx.core.alerts.AlertSignal;
import io.gridpbx.core.alerts.Alerts;
import io.gridpbx.core.alerts.InternationalCallsRule;
import io.gridpbx.core.alerts.RegistrationDropRule;
import io.gridpbx.core.dialog.CdrStore;
import io.gridpbx.core.location.BindingStore;
import io.gridpbx.node.NodeProperties;
import io.gridpbx.node.grid.HazelcastAlertBoard;
import io.gridpbx.node.grid.MemberAddresses;
import io.gridpbx.node.grid.WriteBehindBacklog;
import io.gridpbx.persistence.jdbc.Database;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** The cluster's alerts: the board in the grid, the signals, their evaluation, delivery and metric. */
@Configuration(proxyBeanMethods = false)
class AlertsConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(AlertsConfiguration.class);
    private static final int DELIVERY_ATTEMPTS = 4;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    private static final int DATABASE_CHECK_SECONDS = 3;

    @Bean
    AlertBoard alertBoard(HazelcastInstance grid, NodeProperties properties) {
        return new HazelcastAlertBoard(grid, properties.alerts().history());
    }

    @Bean
    Alerts alerts(AlertBoard board, HazelcastInstance grid, AuditLog audit, ObjectProvider<MeterRegistry> metrics,
            Clock clock) {
        metrics.ifAvailable(registry -> AlertMetrics.register(registry, board, clock));
        return new Alerts(board, new MemberAddresses(grid), audit, clock);
    }

    @Bean(destroyMethod = "close")
    AlertDelivery alertDelivery(NodeProperties properties, ObjectProvider<JavaMailSender> smtp) {
        NodeProperties.Alerts alerts = properties.alerts();
        List<AlertChannel> channels = new ArrayList<>();
        if (alerts.webhookUrl() != null && !alerts.webhookUrl().isBlank()) {
            channels.add(new WebhookChannel(URI.create(alerts.webhookUrl().strip()), alerts.webhookTimeout()));
        }
        if (!alerts.mailTo().isEmpty()) {
            JavaMailSender sender = smtp.getIfAvailable();
            if (sender == null) {
                LOG.warn("gridpbx.alerts.mail-to is set but no SMTP server (spring.mail.host): alerts are not mailed");
            } else {
                String from = alerts.mailFrom() != null ? alerts.mailFrom() : "alerts@" + properties.platformDomain();
                channels.add(new MailChannel(sender, from, alerts.mailTo()));
            }
        }
        AlertDelivery delivery = new AlertDelivery(channels, DELIVERY_ATTEMPTS, FIRST_RETRY);
        LOG.info("alerts go to the admin's alert list{}", channels.isEmpty() ? ""
                : " and " + String.join(", ", delivery.channelNames()));
        return delivery;
    }

    @Bean(destroyMethod = "close")
    AlertEvaluator alertEvaluator(HazelcastInstance grid, AlertBoard board, AlertDelivery delivery,
            NodeProperties properties, BindingStore bindings, CdrStore cdrs, Database database,
            ObjectProvider<AlertSignal> more, Clock clock) {
        NodeProperties.Alerts alerts = properties.alerts();
        MemberRoster roster = new MemberRoster(grid, clock);
        WriteBehindBacklog backlog = new WriteBehindBacklog(grid);
        List<AlertSignal> signals = new ArrayList<>(List.of(
                new RegistrationDropSignal(bindings, new RegistrationDropRule(alerts.registrationDropPercent(),
                        alerts.registrationDropWindow(), alerts.registrationDropMinimum()), clock),
                new InternationalCallsSignal(cdrs, new InternationalCallsRule(alerts.internationalCallsPerHour(),
                        alerts.internationalPrefixes()), clock),
                new BacklogSignal(roster.self(), backlog::localTotal, properties.db().backlogWarnThreshold()),
                new DatabaseSignal(roster.self(), () -> database.reachable(DATABASE_CHECK_SECONDS))));
        // Other features add theirs as beans: the trunking work's gateway probes raise gateway-down.
        more.orderedStream().forEach(signals::add);
        return new AlertEvaluator(grid, board, roster, signals, delivery, clock, alerts.interval());
    }
}
