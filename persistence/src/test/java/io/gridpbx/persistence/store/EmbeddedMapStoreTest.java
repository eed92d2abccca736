package io.gridpbx.persistence.store;

import static io.gridpbx.persistence.store.JdbcMapStoreContract.loadedOne;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridpbx.core.tenancy.NatPolicy;
import io.gridpbx.core.tenancy.Reseller;
import io.gridpbx.core.trunking.Gateway;
import io.gridpbx.core.trunking.OutboundRoute;
import io.gridpbx.persistence.jdbc.Database;
import io.gridpbx.persistence.jdbc.DatabaseSettings;
import io.gridpbx.persistence.jdbc.GaleraRetry;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every MapStore against the embedded store (H2, MySQL mode) running the real migrations. */
class EmbeddedMapStoreTest extends JdbcMapStoreContract {

    @TempDir
    Path dataDir;

    @Override
    Database openEmptyDatabase() {
        return Database.open(DatabaseSettings.embedded(dataDir), GaleraRetry.standard());
    }

    @Test
    void dataSurvivesReopeningTheEmbeddedStore() {
        new JdbcResellerMapStore(database).store("demo.gridpbx.test", new Reseller("demo.gridpbx.test", "Demo", "gridpbx.test"));
        database.close();

        database = Database.open(DatabaseSettings.embedded(dataDir), GaleraRetry.standard());

        assertThat(loadedOne(new JdbcResellerMapStore(database), "demo.gridpbx.test")).isNotNull();
    }

    @Test
    void clientsStoredBeforeV12_relayMediaWhenNat() throws Exception {
        database.close();
        Path before = dataDir.resolve("before-v12");
        DatabaseSettings settings = DatabaseSettings.embedded(before);
        Flyway.configure().dataSource(settings.url(), settings.user(), settings.password())
                .locations("classpath:db/migration").target("11").load().migrate();
        try (var connection = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
             var insert = connection.createStatement()) {
            insert.executeUpdate("INSERT INTO clients (domain, name, reseller_realm) VALUES ('" + OFFICE
                    + "', 'Office', 'demo.gridpbx.test')");
        }

        database = Database.open(settings, GaleraRetry.standard());

        assertThat(loadedOne(new JdbcClientMapStore(database), OFFICE).mediaRelay()).isEqualTo(NatPolicy.WHEN_NAT);
    }

    @Test
    void routesStoredBeforeV13_keepTheirGatewayOrder() throws Exception {
        database.close();
        DatabaseSettings settings = DatabaseSettings.embedded(dataDir.resolve("before-v13"));
        Flyway.configure().dataSource(settings.url(), settings.user(), settings.password())
                .locations("classpath:db/migration").target("12").load().migrate();
        try (var connection = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
             var insert = connection.createStatement()) {
            insert.executeUpdate("INSERT INTO outbound_routes (id, owner_realm, name, pattern, priority)"
                    + " VALUES ('rt-intl', 'gridpbx.test', 'International', '011[0-9]+', 90)");
            insert.executeUpdate("INSERT INTO outbound_route_gateways (route_id, position, gateway_id)"
                    + " VALUES ('rt-intl', 0, 'gw-b'), ('rt-intl', 1, 'gw-a')");
        }

        database = Database.open(settings, GaleraRetry.standard());

        assertThat(loadedOne(new JdbcRouteMapStore(database), "rt-intl")).isEqualTo(new OutboundRoute("rt-intl",
                "gridpbx.test", "International", "011[0-9]+", 90, List.of("gw-b", "gw-a")));
    }

    @Test
    void gatewaysStoredBeforeV15_registerNowhere() throws Exception {
        database.close();
        DatabaseSettings settings = DatabaseSettings.embedded(dataDir.resolve("before-v15"));
        Flyway.configure().dataSource(settings.url(), settings.user(), settings.password())
                .locations("classpath:db/migration").target("14").load().migrate();
        try (var connection = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
             var insert = connection.createStatement()) {
            insert.executeUpdate("INSERT INTO gateways (id, name, host, port, transport, username, password)"
                    + " VALUES ('gw-old', 'Old', 'old.carrier.test', 5060, 'UDP', 'acct', 'secret')");
        }

        database = Database.open(settings, GaleraRetry.standard());

        Gateway old = loadedOne(new JdbcGatewayMapStore(database), "gw-old");
        assertThat(old.register()).isFalse();
        assertThat(old.registerExpires()).isEqualTo(Gateway.DEFAULT_REGISTER_EXPIRES);
    }

    @Test
    void resellersBalancesBeforeV14_moveToTheBalancesTable() throws Exception {
        database.close();
        DatabaseSettings settings = DatabaseSettings.embedded(dataDir.resolve("before-v14"));
        Flyway.configure().dataSource(settings.url(), settings.user(), settings.password())
                .locations("classpath:db/migration").target("13").load().migrate();
        try (var connection = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
             var insert = connection.createStatement()) {
            insert.executeUpdate("INSERT INTO resellers (realm, name, platform_domain, balance_micros)"
                    + " VALUES ('north.gridpbx.test', 'North', 'gridpbx.test', 150250000),"
                    + " ('south.gridpbx.test', 'South', 'gridpbx.test', 0)");
        }

        database = Database.open(settings, GaleraRetry.standard());

        JdbcBalanceMapStore balances = new JdbcBalanceMapStore(database);
        assertThat(balances.loadAll(List.of("north.gridpbx.test", "south.gridpbx.test")))
                .isEqualTo(java.util.Map.of("north.gridpbx.test", 150_250_000L, "south.gridpbx.test", 0L));
    }
}
