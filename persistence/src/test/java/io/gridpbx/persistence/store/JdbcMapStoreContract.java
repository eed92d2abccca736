package io.gridpbx.persistence.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.map.EntryLoader.MetadataAwareValue;
import io.gridpbx.core.MutableClock;
import io.gridpbx.core.access.Account;
import io.gridpbx.core.access.ApiToken;
import io.gridpbx.core.access.AuditEntry;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.dialog.CallFacts;
import io.gridpbx.core.dialog.Cdr;
import io.gridpbx.core.dialog.CdrLeg;
import io.gridpbx.core.dialog.Charge;
import io.gridpbx.core.dialog.DialogTarget;
import io.gridpbx.core.dialog.Direction;
import io.gridpbx.core.digest.DigestAlgorithm;
import io.gridpbx.core.features.ConfigKind;
import io.gridpbx.core.features.ConfigObject;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.location.Binding;
import io.gridpbx.core.location.BindingSet;
import io.gridpbx.core.manage.Picture;
import io.gridpbx.core.presence.EventPackage;
import io.gridpbx.core.presence.Subscription;
import io.gridpbx.core.presence.xcap.Auid;
import io.gridpbx.core.presence.xcap.XcapDocument;
import io.gridpbx.core.presence.xcap.XcapDocuments;
import io.gridpbx.core.presence.xcap.XcapUri;
import io.gridpbx.core.provisioning.Phone;
import io.gridpbx.core.tenancy.CallSettings;
import io.gridpbx.core.tenancy.Client;
import io.gridpbx.core.tenancy.NatPolicy;
import io.gridpbx.core.tenancy.Platform;
import io.gridpbx.core.tenancy.Reseller;
import io.gridpbx.core.tenancy.SipCredentials;
import io.gridpbx.core.tenancy.User;
import io.gridpbx.core.trunking.Did;
import io.gridpbx.core.trunking.Gateway;
import io.gridpbx.core.trunking.OutboundRoute;
import io.gridpbx.core.voicemail.Mailbox;
import io.gridpbx.core.voicemail.Recording;
import io.gridpbx.core.voicemail.VoicemailMessage;
import io.gridpbx.core.voicemail.Wavs;
import io.gridpbx.persistence.jdbc.Database;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every MapStore must do on any database the node supports: round trips, idempotent replays,
 * partial success of {@code storeAll}, registrations that come back with their expiry. Subclasses
 * give the database: the embedded H2 store ({@link EmbeddedMapStoreTest}) and a real Galera cluster
 * ({@link GaleraMapStoreIT}); both run these same assertions.
 */
abstract class JdbcMapStoreContract {

    static final String OFFICE = "office.demo.gridpbx.test";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    Database database;

    /** A database with the migrated schema and none of the rows these tests write. */
    abstract Database openEmptyDatabase() throws Exception;

    @BeforeEach
    void open() throws Exception {
        database = openEmptyDatabase();
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void tenantRecordsRoundTrip() {
        var platforms = new JdbcPlatformMapStore(database);
        var resellers = new JdbcResellerMapStore(database);
        var clients = new JdbcClientMapStore(database);
        var users = new JdbcUserMapStore(database);
        var credentials = new JdbcCredentialsMapStore(database);
        Platform platform = new Platform("gridpbx.test");
        Reseller reseller = new Reseller("demo.gridpbx.test", "Demo", "gridpbx.test");
        Client client = new Client(OFFICE, "Office", "demo.gridpbx.test", 5);
        User user = new User("200", OFFICE, "200", "Alice", "fr",
                new CallSettings(true, false, "sip:300@" + OFFICE, null, "555", 25));
        SipCredentials secret = SipCredentials.fromPassword("200", OFFICE, user.addressOfRecord(), "pass200");

        platforms.store(JdbcPlatformMapStore.KEY, platform);
        resellers.store(reseller.realm(), reseller);
        clients.store(client.domain(), client);
        users.store("200@" + OFFICE, user);
        credentials.store(secret.key(), secret);

        assertThat(loadedOne(platforms, JdbcPlatformMapStore.KEY)).isEqualTo(platform);
        assertThat(loadedOne(resellers, reseller.realm())).isEqualTo(reseller);
        assertThat(loadedOne(clients, client.domain())).isEqualTo(client);
        assertThat(loadedOne(users, "200@" + OFFICE)).isEqualTo(user);
        assertThat(loadedOne(credentials, secret.key())).isEqualTo(secret);
        assertThat(users.loadAllKeys()).containsExactly("200@" + OFFICE);
        assertThat(credentials.loadAllKeys()).containsExactly(secret.key());
    }

    @Test
    void managementRecordsRoundTrip() {
        var resellers = new JdbcResellerMapStore(database);
        var clients = new JdbcClientMapStore(database);
        var users = new JdbcUserMapStore(database);
        var accounts = new JdbcAccountMapStore(database);
        var tokens = new JdbcApiTokenMapStore(database);
        var audit = new JdbcAuditMapStore(database);
        Reseller reseller = new Reseller("north.gridpbx.test", "North", "gridpbx.test", "ops@north.test",
                new java.math.BigDecimal("12.5"), 100_250_000L, "fr");
        Client client = new Client("hq.north.gridpbx.test", "HQ", "north.gridpbx.test", 3, "boss@hq.test", "fr",
                java.util.List.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256), NatPolicy.ALWAYS);
        Client sha256Only = new Client("lab.north.gridpbx.test", "Lab", "north.gridpbx.test", 3, null, "en",
                java.util.List.of(DigestAlgorithm.SHA_256), NatPolicy.NEVER);
        User user = new User("250", OFFICE, "250", "Bob", "en", CallSettings.DEFAULTS, "Sales", "001122aabbcc", "Bob",
                "Lévesque-D'Amour", "a1b2c3d4e5");
        Account account = new Account("ops@north.test", "$2a$10$hash", Scope.reseller("north.gridpbx.test"), "fr", 3,
                Instant.parse("2026-11-26T10:15:00.123Z"));
        ApiToken token = new ApiToken("abc123", "billing sync", "f".repeat(64), Scope.client(OFFICE), "ops@north.test",
                Instant.parse("2026-11-26T10:00:00.456Z"));
        AuditEntry entry = new AuditEntry(Instant.ofEpochMilli(System.currentTimeMillis() - 1234), "admin@gridpbx.test", "impersonate",
                Scope.platform("gridpbx.test"), "reseller:north.gridpbx.test");

        resellers.store(reseller.realm(), reseller);
        clients.store(client.domain(), client);
        clients.store(sha256Only.domain(), sha256Only);
        users.store("250@" + OFFICE, user);
        accounts.store(account.email(), account);
        tokens.store(token.secretHash(), token);
        audit.store("0001-a", entry);
        audit.store("0001-a", entry);

        assertThat(loadedOne(resellers, reseller.realm())).isEqualTo(reseller);
        assertThat(loadedOne(clients, client.domain())).isEqualTo(client);
        assertThat(loadedOne(clients, client.domain()).digestAlgorithms()).as("both, SHA-256 first")
                .containsExactly(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5);
        assertThat(loadedOne(clients, sha256Only.domain())).isEqualTo(sha256Only);
        clients.store(sha256Only.domain(), new Client(sha256Only.domain(), "Lab", "north.gridpbx.test", 3, null, "en"));
        assertThat(loadedOne(clients, sha256Only.domain()).digestAlgorithms()).as("back to the platform default")
                .isEmpty();
        assertThat(loadedOne(clients, client.domain()).mediaRelay()).isEqualTo(NatPolicy.ALWAYS);
        assertThat(loadedOne(clients, sha256Only.domain()).mediaRelay()).as("back to the usual policy")
                .isEqualTo(NatPolicy.WHEN_NAT);
        assertThat(loadedOne(users, "250@" + OFFICE)).isEqualTo(user);
        assertThat(loadedOne(accounts, account.email())).isEqualTo(account);
        assertThat(loadedOne(tokens, token.secretHash())).isEqualTo(token);
        assertThat(loadedOne(audit, "0001-a")).isEqualTo(entry);
        assertThat(audit.loadAllKeys()).containsExactly("0001-a");
    }

    /** A row written before V12 (or by a node that does not know the column) is a client that relays when NATed. */
    @Test
    void aClientRowWithoutMediaRelay_readsAsWhenNat() throws Exception {
        var clients = new JdbcClientMapStore(database);
        database.transaction("insert a client the old way", connection -> {
            try (var insert = connection.prepareStatement(
                    "INSERT INTO clients (domain, name, reseller_realm, max_contacts, email, language) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, OFFICE);
                insert.setString(2, "Office");
                insert.setString(3, "demo.gridpbx.test");
                insert.setInt(4, 5);
                insert.setString(5, null);
                insert.setString(6, "en");
                insert.executeUpdate();
            }
            return null;
        });

        assertThat(loadedOne(clients, OFFICE)).isEqualTo(new Client(OFFICE, "Office", "demo.gridpbx.test", 5));
        assertThat(loadedOne(clients, OFFICE).mediaRelay()).isEqualTo(NatPolicy.WHEN_NAT);
    }

    @Test
    void trunkingRecordsRoundTripWithTheirGatewayOrder() {
        var gateways = new JdbcGatewayMapStore(database);
        var routes = new JdbcRouteMapStore(database);
        var dids = new JdbcDidMapStore(database);
        Gateway alpha = new Gateway("gw-alpha", "Alpha", "alpha.carrier.test", 5080, Gateway.Transport.TCP, "acct",
                "secret", 1, "99", true, true, 1800);
        OutboundRoute route = new OutboundRoute("rt-intl", "demo.gridpbx.test", "International", "011[0-9]{7,15}", 10,
                List.of("gw-b", "gw-alpha", "gw-c"));
        Did did = new Did("15145550100", "demo.gridpbx.test", OFFICE, "202");

        gateways.store(alpha.id(), alpha);
        routes.store(route.id(), route);
        routes.store(route.id(), route);
        dids.store(did.number(), did);

        assertThat(loadedOne(gateways, alpha.id())).isEqualTo(alpha);
        assertThat(loadedOne(routes, route.id())).isEqualTo(route);
        assertThat(loadedOne(dids, did.number())).isEqualTo(did);

        OutboundRoute reordered = new OutboundRoute("rt-intl", "demo.gridpbx.test", "International", "011[0-9]{7,15}",
                10, List.of("gw-alpha"));
        routes.store(route.id(), reordered);
        assertThat(loadedOne(routes, route.id())).isEqualTo(reordered);
        OutboundRoute weighted = new OutboundRoute("rt-intl", "demo.gridpbx.test", "International", "011[0-9]{7,15}",
                10, List.of("gw-c", "gw-alpha", "gw-b"), List.of(1000, 70, 1));
        routes.store(route.id(), weighted);
        routes.store(route.id(), weighted);
        assertThat(loadedOne(routes, route.id())).isEqualTo(weighted);
        routes.store(route.id(), reordered);
        assertThat(loadedOne(routes, route.id())).as("ordered again").isEqualTo(reordered);
        routes.delete(route.id());
        assertThat(loadedOne(routes, route.id())).isNull();
    }

    @Test
    void aUsersNamesAndProfileRoundTrip_andAnUpdateClearsThem() {
        var users = new JdbcUserMapStore(database);
        User named = new User("260", OFFICE, "260", "Reception", "fr", CallSettings.DEFAULTS, null, null,
                "Zoé", "x".repeat(100), "p".repeat(40));
        users.store("260@" + OFFICE, named);
        assertThat(loadedOne(users, "260@" + OFFICE)).isEqualTo(named);

        User unnamed = new User("260", OFFICE, "260", "Reception", "fr", CallSettings.DEFAULTS);
        users.store("260@" + OFFICE, unnamed);
        assertThat(loadedOne(users, "260@" + OFFICE)).isEqualTo(unnamed);
    }

    @Test
    void picturesRoundTripByteForByte_replaceAndDelete() {
        var pictures = new JdbcPictureMapStore(database);
        Picture png = new Picture(Picture.PNG, imageBytes(Picture.PNG, Picture.MAX_BYTES));
        Picture jpeg = new Picture(Picture.JPEG, imageBytes(Picture.JPEG, 1000));

        pictures.store("202@" + OFFICE, png);
        pictures.store("202@" + OFFICE, png);
        assertThat(loadedOne(pictures, "202@" + OFFICE)).isEqualTo(png);
        assertThat(pictures.load("202@" + OFFICE)).as("a miss reads the table").isEqualTo(png);
        assertThat(pictures.loadAllKeys()).as("nothing loaded at start").isEmpty();

        pictures.store("202@" + OFFICE, jpeg);
        assertThat(loadedOne(pictures, "202@" + OFFICE)).isEqualTo(jpeg);

        pictures.delete("202@" + OFFICE);
        assertThat(loadedOne(pictures, "202@" + OFFICE)).isNull();
        assertThat(pictures.loadAllKeys()).isEmpty();
    }

    @Test
    void configObjectsRoundTripWithAwkwardText() {
        var config = new JdbcConfigMapStore(database);
        ConfigObject ivr = new ConfigObject(ConfigKind.IVR_MENU, "ivr1", Scope.client(OFFICE), Map.of("name", "Main = menu",
                "greeting", "Bienvenue chez Office: appuyez sur 1\\n#2 ünïcode", "options", "1=201,2=202", "number", "700",
                "timeoutSeconds", "5"));
        config.store(ivr.key(), ivr);
        assertThat(loadedOne(config, ivr.key())).isEqualTo(ivr);
        assertThat(config.loadAllKeys()).containsExactly(ivr.key());
    }

    @Test
    void cdrsRoundTripAndAReplayChangesNothing() {
        var cdrs = new JdbcCdrMapStore(database);
        long now = System.currentTimeMillis();
        Cdr cdr = new Cdr("call-1@host", OFFICE, new io.gridpbx.core.location.AddressOfRecord("200", OFFICE),
                new io.gridpbx.core.location.AddressOfRecord("201", OFFICE), now - 60_000, now - 55_000, now,
                "ANSWERED", "127.0.0.1:5060");
        cdrs.store(cdr.callId(), cdr);
        cdrs.store(cdr.callId(), cdr);
        assertThat(loadedOne(cdrs, cdr.callId())).isEqualTo(cdr);
        assertThat(cdrs.loadAllKeys()).containsExactly(cdr.callId());
    }

    @Test
    void aRatedOutboundCdrRoundTripsWithItsLegsInOrder_andAReplayChangesNothing() {
        var cdrs = new JdbcCdrMapStore(database, clock);
        long invited = clock.millis() - 120_000;
        CallFacts facts = new CallFacts(Direction.OUTBOUND, "9011442079460000", "442079460000", "gw-b", invited,
                OFFICE, List.of(CdrLeg.gateway("gw-a", 503, "Service Unavailable"),
                        CdrLeg.forward("sip:300@" + OFFICE, "busy"), CdrLeg.gateway("gw-b", 200, "OK")));
        Cdr cdr = new Cdr("out-1@host", OFFICE, new AddressOfRecord("200", OFFICE),
                new AddressOfRecord("9011442079460000", OFFICE), invited, invited + 5_000, invited + 65_500,
                Cdr.ANSWERED, "127.0.0.1:5060", 200, facts, new Charge(12_000, 10_200, "4420"));

        cdrs.store(cdr.callId(), cdr);
        cdrs.store(cdr.callId(), cdr.rated(Charge.NONE));

        assertThat(loadedOne(cdrs, cdr.callId())).as("the first write stays").isEqualTo(cdr);
        assertThat(loadedOne(cdrs, cdr.callId()).legs()).extracting(CdrLeg::target)
                .containsExactly("gw-a", "sip:300@" + OFFICE, "gw-b");
    }

    @Test
    void anUnansweredInboundCdrRoundTrips_withTextLongerThanItsColumnsCut() {
        var cdrs = new JdbcCdrMapStore(database, clock);
        long invited = clock.millis() - 30_000;
        CallFacts facts = new CallFacts(Direction.INBOUND, "15145550100", "15145550100", "", invited, OFFICE,
                List.of(CdrLeg.forward("sip:201@" + OFFICE, "x".repeat(500))));
        Cdr cdr = Cdr.unanswered("in-1@carrier", OFFICE, new AddressOfRecord("15145550199", "carrier.test"),
                new AddressOfRecord("202", OFFICE), clock.millis(), "127.0.0.1:5060", 486, facts);

        cdrs.store(cdr.callId(), cdr);

        Cdr loaded = loadedOne(cdrs, cdr.callId());
        assertThat(loaded.disposition()).isEqualTo("BUSY");
        assertThat(loaded.finalStatus()).isEqualTo(486);
        assertThat(loaded.answered()).isFalse();
        assertThat(loaded.facts().direction()).isEqualTo(Direction.INBOUND);
        assertThat(loaded.charge()).isEqualTo(Charge.NONE);
        assertThat(loaded.legs().getFirst().reason()).hasSize(200);
    }

    /** A row written before V14 (or by a node that does not know the columns) is an answered internal call. */
    @Test
    void aCdrRowWithoutFacts_readsAsAnAnsweredInternalCallOfItsClient() throws Exception {
        var cdrs = new JdbcCdrMapStore(database, clock);
        long now = clock.millis();
        database.transaction("insert a CDR the old way", connection -> {
            try (var insert = connection.prepareStatement("INSERT INTO cdrs (call_id, client_domain, caller, callee,"
                    + " started_at, answered_at, ended_at, disposition, node_id)"
                    + " VALUES ('old-1', ?, ?, ?, ?, ?, ?, 'ANSWERED', 'n1')")) {
                insert.setString(1, OFFICE);
                insert.setString(2, "200@" + OFFICE);
                insert.setString(3, "201@" + OFFICE);
                insert.setLong(4, now - 60_000);
                insert.setLong(5, now - 50_000);
                insert.setLong(6, now);
                insert.executeUpdate();
            }
            return null;
        });

        assertThat(loadedOne(cdrs, "old-1")).isEqualTo(new Cdr("old-1", OFFICE, new AddressOfRecord("200", OFFICE),
                new AddressOfRecord("201", OFFICE), now - 60_000, now - 50_000, now, "ANSWERED", "n1"));
    }

    @Test
    void balancesRoundTrip_aReplayWritesTheSameNumber_andADeleteRemovesTheRow() {
        var balances = new JdbcBalanceMapStore(database);
        balances.store(OFFICE, 25_000_000L);
        balances.store("demo.gridpbx.test", -1_250_000L);
        balances.store(OFFICE, 24_988_000L);
        balances.store(OFFICE, 24_988_000L);

        assertThat(balances.loadAll(List.of(OFFICE, "demo.gridpbx.test", "none.gridpbx.test")))
                .isEqualTo(Map.of(OFFICE, 24_988_000L, "demo.gridpbx.test", -1_250_000L));
        assertThat(balances.loadAllKeys()).containsExactlyInAnyOrder(OFFICE, "demo.gridpbx.test");

        balances.delete("demo.gridpbx.test");
        assertThat(balances.loadAllKeys()).containsExactly(OFFICE);
    }

    @Test
    void replayedStoreIsIdempotentAndLastWriteWins() {
        var users = new JdbcUserMapStore(database);
        User first = user("201", false);
        User second = user("201", true);

        users.store("201@" + OFFICE, first);
        users.store("201@" + OFFICE, first);
        users.store("201@" + OFFICE, second);

        assertThat(loadedOne(users, "201@" + OFFICE)).isEqualTo(second);
        assertThat(users.loadAllKeys()).hasSize(1);
    }

    @Test
    void storeAllTakesTheWholeBatchAndEmptiesTheMap() {
        var users = new JdbcUserMapStore(database);
        Map<String, User> batch = new HashMap<>();
        for (int i = 0; i < 2500; i++) {
            User user = user(Integer.toString(1000 + i), false);
            batch.put(user.addressOfRecord().toString(), user);
        }

        users.storeAll(batch);

        assertThat(batch).isEmpty();
        assertThat(users.loadAllKeys()).hasSize(2500);
    }

    @Test
    void storeAllThatPartlyFails_removesWhatItStoredAndKeepsTheRest() {
        var users = new JdbcUserMapStore(database);
        Map<String, User> batch = new HashMap<>();
        batch.put("300@" + OFFICE, user("300", false));
        batch.put("301@" + OFFICE, user("301", false));
        // A display name longer than the column: the database refuses this row, and only this row.
        User tooLong = new User("302", OFFICE, "302", "x".repeat(300), "en", CallSettings.DEFAULTS);
        batch.put("302@" + OFFICE, tooLong);

        assertThatThrownBy(() -> users.storeAll(batch)).isInstanceOf(RuntimeException.class)
                .hasMessageContaining("1 entries still pending");

        assertThat(batch).containsOnlyKeys("302@" + OFFICE);
        assertThat(loadedOne(users, "300@" + OFFICE)).isNotNull();
        assertThat(loadedOne(users, "301@" + OFFICE)).isNotNull();
    }

    @Test
    void deleteRemovesTheRow() {
        var users = new JdbcUserMapStore(database);
        users.store("203@" + OFFICE, user("203", false));

        users.delete("203@" + OFFICE);

        assertThat(loadedOne(users, "203@" + OFFICE)).isNull();
    }

    @Test
    void registrationsComeBackWithTheirExpiry_andExpiredOnesDoNot() {
        var locations = new JdbcLocationStore(database, clock, Duration.ofSeconds(60));
        long now = clock.millis();
        Binding phone = new Binding("sip:200@192.0.2.1:5060", now + 600_000, 1000, "c1", 3, "udp:192.0.2.1:5060",
                "n1", "Yealink", now);
        Binding softphone = new Binding("sip:200@192.0.2.2:5062;transport=tcp", now + 3_600_000, 500, "c2", 1,
                "tcp:192.0.2.2:5062", "n2", null, now);
        locations.store("200@" + OFFICE, new MetadataAwareValue<>(new BindingSet(List.of(phone, softphone))));
        locations.store("201@" + OFFICE, new MetadataAwareValue<>(new BindingSet(List.of(
                new Binding("sip:201@192.0.2.3", now + 60_000, 1000, "c3", 1, "udp:192.0.2.3:5060", "n1", null, now)))));

        MetadataAwareValue<BindingSet> loaded = loadedOne(locations, "200@" + OFFICE);
        assertThat(loaded.getValue().bindings()).containsExactlyInAnyOrder(phone, softphone);
        assertThat(loaded.getExpirationTime()).isEqualTo(now + 3_600_000 + 60_000);

        clock.advance(Duration.ofSeconds(61));
        assertThat(loadedOne(locations, "201@" + OFFICE)).isNull();
        assertThat(locations.loadAllKeys()).containsExactly("200@" + OFFICE);
    }

    @Test
    void storingASmallerSetReplacesTheRows() throws Exception {
        var locations = new JdbcLocationStore(database, clock, Duration.ofSeconds(60));
        long now = clock.millis();
        Binding a = new Binding("sip:200@192.0.2.1", now + 600_000, 1000, "c1", 1, "udp:192.0.2.1:5060", "n1", null, now);
        Binding b = new Binding("sip:200@192.0.2.2", now + 600_000, 1000, "c2", 1, "udp:192.0.2.2:5060", "n1", null, now);
        locations.store("200@" + OFFICE, new MetadataAwareValue<>(new BindingSet(List.of(a, b))));

        locations.store("200@" + OFFICE, new MetadataAwareValue<>(new BindingSet(List.of(b))));
        assertThat(loadedOne(locations, "200@" + OFFICE).getValue().bindings()).containsExactly(b);

        locations.delete("200@" + OFFICE);
        assertThat(loadedOne(locations, "200@" + OFFICE)).isNull();

        locations.store("201@" + OFFICE, new MetadataAwareValue<>(new BindingSet(List.of(
                new Binding("sip:201@192.0.2.9", now + 1_000, 1000, "c9", 1, "udp:192.0.2.9:5060", "n1", null, now)))));
        clock.advance(Duration.ofMinutes(5));
        assertThat(locations.purgeExpired()).isEqualTo(1);
    }

    @Test
    void subscriptionsComeBackWithTheirExpiryAndCseq_aReplayChangesNothing_andExpiredOnesDoNot() throws Exception {
        var subscriptions = new JdbcSubscriptionStore(database, clock, Duration.ofSeconds(10));
        long now = clock.millis();
        // A Call-ID longer than an index allows, a route of two hops, an Event id: all kept as they were.
        Subscription lamps = new Subscription("c".repeat(250) + "@host", "w-tag", "our-tag", EventPackage.DIALOG,
                "blf-1", AddressOfRecord.parse("201@" + OFFICE), AddressOfRecord.parse("200@" + OFFICE),
                new DialogTarget("sip:201@192.0.2.2:5062;transport=tcp", List.of("<sip:sbc-a.test;lr>", "<sip:sbc-b.test;lr>")),
                "tcp:192.0.2.2:5062", now + 3_600_000, 7, 7, "n1");
        Subscription presence = new Subscription("call-2", "w-tag", "our-tag", EventPackage.PRESENCE, null,
                AddressOfRecord.parse("201@" + OFFICE), AddressOfRecord.parse("202@" + OFFICE),
                new DialogTarget("sip:201@192.0.2.2:5060", List.of()), null, now + 60_000, 0, 0, "n2");

        subscriptions.store(lamps.key(), new MetadataAwareValue<>(lamps));
        subscriptions.store(lamps.key(), new MetadataAwareValue<>(lamps));
        subscriptions.store(presence.key(), new MetadataAwareValue<>(presence));
        Subscription notified = lamps.nextNotify();
        subscriptions.store(lamps.key(), new MetadataAwareValue<>(notified));

        MetadataAwareValue<Subscription> loaded = loadedOne(subscriptions, lamps.key());
        assertThat(loaded.getValue()).isEqualTo(notified);
        assertThat(loaded.getExpirationTime()).as("its expiry and the grid's grace").isEqualTo(now + 3_600_000 + 10_000);
        assertThat(loadedOne(subscriptions, presence.key()).getValue()).isEqualTo(presence);
        assertThat(subscriptions.loadAllKeys()).containsExactlyInAnyOrder(lamps.key(), presence.key());

        clock.advance(Duration.ofSeconds(61));
        assertThat(loadedOne(subscriptions, presence.key())).isNull();
        assertThat(subscriptions.loadAllKeys()).containsExactly(lamps.key());
        assertThat(subscriptions.load(lamps.key())).as("a miss does not ask the database").isNull();

        clock.advance(Duration.ofSeconds(10));
        assertThat(subscriptions.purgeExpired()).isEqualTo(1);
        subscriptions.delete(lamps.key());
        assertThat(subscriptions.loadAllKeys()).isEmpty();
    }

    @Test
    void subscriptionsThatPartlyFail_removeWhatWasStoredAndKeepTheRest() {
        var subscriptions = new JdbcSubscriptionStore(database, clock, Duration.ofSeconds(10));
        long now = clock.millis();
        Map<String, MetadataAwareValue<Subscription>> batch = new HashMap<>();
        for (String callId : List.of("call-a", "call-b")) {
            Subscription ok = new Subscription(callId, "w", "o", EventPackage.MESSAGE_SUMMARY, null,
                    AddressOfRecord.parse("201@" + OFFICE), AddressOfRecord.parse("201@" + OFFICE),
                    new DialogTarget("sip:201@192.0.2.2", List.of()), null, now + 60_000, 0, 0, "n1");
            batch.put(ok.key(), new MetadataAwareValue<>(ok));
        }
        // A node id longer than its column: the database refuses this row, and only this row.
        Subscription tooLong = new Subscription("call-c", "w", "o", EventPackage.MESSAGE_SUMMARY, null,
                AddressOfRecord.parse("201@" + OFFICE), AddressOfRecord.parse("201@" + OFFICE),
                new DialogTarget("sip:201@192.0.2.2", List.of()), null, now + 60_000, 0, 0, "n".repeat(300));
        batch.put(tooLong.key(), new MetadataAwareValue<>(tooLong));

        assertThatThrownBy(() -> subscriptions.storeAll(batch)).isInstanceOf(RuntimeException.class)
                .hasMessageContaining("1 entries still pending");

        assertThat(batch).containsOnlyKeys(tooLong.key());
        assertThat(subscriptions.loadAllKeys()).hasSize(2);
    }

    @Test
    void sealedPasswordsAndPhonesRoundTrip() {
        var credentials = new JdbcCredentialsMapStore(database);
        var phones = new JdbcPhoneMapStore(database);
        SipCredentials sealed = new SipCredentials("201", OFFICE, AddressOfRecord.parse("201@" + OFFICE),
                "a".repeat(32), "b".repeat(64), "v1.c2VhbGVkLXBhc3N3b3JkLWJ5dGVz");
        Phone seen = new Phone("805ec0a1b2c3", "d".repeat(64), Instant.parse("2026-12-05T10:00:00.123Z"),
                "201@" + OFFICE);
        Phone fresh = Phone.unseen("0004f2a1b2c3");

        credentials.store(sealed.key(), sealed);
        phones.store(seen.mac(), seen);
        phones.store(fresh.mac(), fresh);

        assertThat(loadedOne(credentials, sealed.key())).isEqualTo(sealed);
        assertThat(loadedOne(phones, seen.mac())).isEqualTo(seen);
        assertThat(loadedOne(phones, fresh.mac())).isEqualTo(fresh);
        assertThat(phones.loadAllKeys()).containsExactlyInAnyOrder(seen.mac(), fresh.mac());
        phones.delete(fresh.mac());
        assertThat(loadedOne(phones, fresh.mac())).isNull();
    }

    @Test
    void xcapDocumentsRoundTripByteForByteWithTheirTag_andLoadAtStart() {
        var documents = new JdbcXcapMapStore(database);
        XcapUri uri = new XcapUri(Auid.RESOURCE_LISTS, AddressOfRecord.parse("alice|x@" + OFFICE), XcapUri.INDEX);
        XcapDocument first = new XcapDocument(uri, imageBytes(Picture.PNG, XcapDocuments.MAX_BYTES), "0123abcd");
        XcapDocument second = new XcapDocument(uri, "<resource-lists/>".getBytes(StandardCharsets.UTF_8), "feed");

        documents.store(uri.key(), first);
        documents.store(uri.key(), first);
        assertThat(documents.loadAllKeys()).containsExactly(uri.key());
        assertThat(loadedOne(documents, uri.key())).isEqualTo(first);
        documents.store(uri.key(), second);
        assertThat(loadedOne(documents, uri.key())).isEqualTo(second);

        documents.delete(uri.key());
        assertThat(loadedOne(documents, uri.key())).isNull();
        assertThat(documents.loadAllKeys()).isEmpty();
    }

    @Test
    void logosRoundTripByteForByte_andLoadAtStart() {
        var logos = new JdbcLogoMapStore(database);
        Picture png = new Picture(Picture.PNG, imageBytes(Picture.PNG, Picture.MAX_BYTES));
        Picture jpeg = new Picture(Picture.JPEG, imageBytes(Picture.JPEG, 500));

        logos.store("demo.gridpbx.test", png);
        logos.store("demo.gridpbx.test", png);
        assertThat(loadedOne(logos, "demo.gridpbx.test")).isEqualTo(png);
        assertThat(logos.loadAllKeys()).containsExactly("demo.gridpbx.test");
        logos.store("demo.gridpbx.test", jpeg);
        assertThat(loadedOne(logos, "demo.gridpbx.test")).isEqualTo(jpeg);

        logos.delete("demo.gridpbx.test");
        assertThat(loadedOne(logos, "demo.gridpbx.test")).isNull();
        assertThat(logos.loadAllKeys()).isEmpty();
    }

    @Test
    void mailboxesRoundTrip_replacingTheirRows_andRecordingsLoadOnDemand() {
        var mailboxes = new JdbcMailboxMapStore(database);
        var recordings = new JdbcRecordingMapStore(database);
        VoicemailMessage older = new VoicemailMessage("m-1", "+15145550100", Instant.parse("2026-11-20T08:00:00.123Z"),
                4, true);
        VoicemailMessage newer = new VoicemailMessage("m-2", "sip:300@" + OFFICE, Instant.parse("2026-11-21T08:00:00Z"),
                61, false);
        Mailbox both = new Mailbox(List.of(older, newer));

        mailboxes.store("202@" + OFFICE, both);
        mailboxes.store("202@" + OFFICE, both);
        assertThat(loadedOne(mailboxes, "202@" + OFFICE)).isEqualTo(both);
        assertThat(mailboxes.loadAllKeys()).containsExactly("202@" + OFFICE);

        mailboxes.store("202@" + OFFICE, both.without("m-1").heard("m-2"));
        assertThat(loadedOne(mailboxes, "202@" + OFFICE).messages()).containsExactly(newer.asHeard());
        mailboxes.delete("202@" + OFFICE);
        assertThat(loadedOne(mailboxes, "202@" + OFFICE)).isNull();

        Recording wav = Recording.of(Wavs.of(7, 8, 600));
        recordings.store("m-2", wav);
        recordings.store("m-2", wav);
        assertThat(recordings.load("m-2")).as("a miss reads the table").isEqualTo(wav);
        assertThat(recordings.loadAllKeys()).as("nothing loaded at start").isEmpty();
        recordings.delete("m-2");
        assertThat(recordings.load("m-2")).isNull();
    }

    /** Regression: a miss asked the database, and with the database away held REGISTERs for the retry time. */
    @Test
    void aRegistrationMissIsAnsweredWithoutTheDatabase() {
        var locations = new JdbcLocationStore(database, clock, Duration.ofSeconds(60));
        database.close();

        long started = System.nanoTime();
        assertThat(locations.load("201@" + OFFICE)).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    /** Regression: the REGISTER of an unknown user during a database outage stalled its partition. */
    @Test
    void aTenantMissIsAnsweredWithoutTheDatabase() {
        var credentials = new JdbcCredentialsMapStore(database);
        var users = new JdbcUserMapStore(database);
        database.close();

        long started = System.nanoTime();
        assertThat(credentials.load("999@" + OFFICE)).isNull();
        assertThat(users.load("999@" + OFFICE)).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    /** What the grid's eager load gets for one key (a single-key load is a miss, see {@link JdbcMapStore#load}). */
    static <K, V> V loadedOne(JdbcMapStore<K, V> store, K key) {
        return store.loadAll(List.of(key)).get(key);
    }

    /** The signature of the type, then every byte value, up to {@code size} bytes: what the column must keep. */
    private static byte[] imageBytes(String type, int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) i;
        }
        byte[] signature = type.equals(Picture.PNG) ? new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}
                : new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        return bytes;
    }

    private static User user(String extension, boolean dnd) {
        return new User(extension, OFFICE, extension, "User " + extension, "en",
                CallSettings.DEFAULTS.withDoNotDisturb(dnd));
    }
}
