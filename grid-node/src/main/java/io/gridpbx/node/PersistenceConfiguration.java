package io.gridpbx.node;

import io.gridpbx.node.grid.BindingsEntry;
import io.gridpbx.node.grid.HazelcastSubscriptions;
import io.gridpbx.node.grid.PersistedStores;
import io.gridpbx.persistence.jdbc.Database;
import io.gridpbx.persistence.jdbc.DatabaseSettings;
import io.gridpbx.persistence.jdbc.GaleraRetry;
import io.gridpbx.persistence.store.JdbcAccountMapStore;
import io.gridpbx.persistence.store.JdbcApiTokenMapStore;
import io.gridpbx.persistence.store.JdbcAuditMapStore;
import io.gridpbx.persistence.store.JdbcBalanceMapStore;
import io.gridpbx.persistence.store.JdbcCdrMapStore;
import io.gridpbx.persistence.store.JdbcClientMapStore;
import io.gridpbx.persistence.store.JdbcConfigMapStore;
import io.gridpbx.persistence.store.JdbcCredentialsMapStore;
import io.gridpbx.persistence.store.JdbcDidMapStore;
import io.gridpbx.persistence.store.JdbcGatewayMapStore;
import io.gridpbx.persistence.store.JdbcLocationStore;
import io.gridpbx.persistence.store.JdbcLogoMapStore;
import io.gridpbx.persistence.store.JdbcMailboxMapStore;
import io.gridpbx.persistence.store.JdbcPhoneMapStore;
import io.gridpbx.persistence.store.JdbcPictureMapStore;
import io.gridpbx.persistence.store.JdbcPlatformMapStore;
import io.gridpbx.persistence.store.JdbcRecordingMapStore;
import io.gridpbx.persistence.store.JdbcResellerMapStore;
import io.gridpbx.persistence.store.JdbcRouteMapStore;
import io.gridpbx.persistence.store.JdbcSubscriptionStore;
import io.gridpbx.persistence.store.JdbcUserMapStore;
import io.gridpbx.persistence.store.JdbcXcapMapStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The database behind the grid: Galera when {@code gridpbx.db.url} is set, the embedded H2 store otherwise. */
@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(PersistenceConfiguration.class);

    @Bean(destroyMethod = "close")
    Database database(NodeProperties properties) {
        NodeProperties.Db db = properties.db();
        DatabaseSettings settings;
        if (db.url() == null || db.url().isBlank()) {
            try {
                Files.createDirectories(properties.dataDir());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create gridpbx.data-dir " + properties.dataDir(), e);
            }
            settings = DatabaseSettings.embedded(properties.dataDir());
            if (properties.cluster().members().size() > 1) {
                LOG.warn("no gridpbx.db.url: this node keeps its own embedded store in {}; a cluster of several nodes"
                        + " needs one shared database (Galera) for its data to survive a full restart",
                        properties.dataDir());
            }
        } else {
            settings = new DatabaseSettings(db.url(), db.user(), db.password(), db.poolSize());
        }
        return Database.open(settings, GaleraRetry.standard());
    }

    @Bean
    JdbcLocationStore locationStore(Database database, Clock clock) {
        return new JdbcLocationStore(database, clock, BindingsEntry.GRACE);
    }

    /** Presence subscriptions, loaded back with the grace the grid keeps past their expiry. */
    @Bean
    JdbcSubscriptionStore subscriptionStore(Database database, Clock clock) {
        return new JdbcSubscriptionStore(database, clock, HazelcastSubscriptions.GRACE);
    }

    @Bean
    PersistedStores persistedStores(Database database, JdbcLocationStore locations,
            JdbcSubscriptionStore subscriptions, NodeProperties properties, Clock clock) {
        return new PersistedStores(new JdbcPlatformMapStore(database), new JdbcResellerMapStore(database),
                new JdbcClientMapStore(database), new JdbcUserMapStore(database), new JdbcCredentialsMapStore(database),
                properties.db().persistRegistrations() ? locations : null, new JdbcAccountMapStore(database),
                new JdbcApiTokenMapStore(database),
                new JdbcAuditMapStore(database), new JdbcGatewayMapStore(database), new JdbcRouteMapStore(database),
                new JdbcDidMapStore(database), new JdbcCdrMapStore(database, clock),
                new JdbcConfigMapStore(database), new JdbcPictureMapStore(database), new JdbcLogoMapStore(database),
                new JdbcMailboxMapStore(database),
                new JdbcRecordingMapStore(database), new JdbcPhoneMapStore(database), new JdbcBalanceMapStore(database),
                subscriptions, new JdbcXcapMapStore(database), properties.db().writeDelaySeconds(),
                properties.db().writeBatchSize());
    }
}
