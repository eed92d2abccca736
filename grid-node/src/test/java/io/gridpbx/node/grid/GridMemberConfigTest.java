package io.gridpbx.node.grid;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.config.IndexConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.map.EntryStore;
import com.hazelcast.map.MapStore;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every persisted map gets its own store and its own indexes. Regression: {@code Config.getMapConfig}
 * returns the "tenants.*" template itself for a matching name, so setting each map's store through it
 * gave every tenant map the last store set (ClassCastException in write-behind).
 */
class GridMemberConfigTest {

    @Test
    void onKubernetes_theHeadlessServiceReplacesTheMemberList() {
        Config config = GridMemberConfig.member(new ClusterSettings("gridpbx", "10.0.0.5", 5701, List.of("10.0.0.6:5701"),
                "gridpbx-hz.gridpbx.svc.cluster.local"));
        var join = config.getNetworkConfig().getJoin();
        assertThat(join.getTcpIpConfig().isEnabled()).isFalse();
        assertThat(join.getKubernetesConfig().isEnabled()).isTrue();
        assertThat(join.getKubernetesConfig().getProperty("service-dns")).isEqualTo("gridpbx-hz.gridpbx.svc.cluster.local");
        assertThat(join.getKubernetesConfig().getProperty("service-port")).isEqualTo("5701");
        assertThat(join.getMulticastConfig().isEnabled()).isFalse();
    }

    @Test
    void offKubernetes_membersJoinOverTcpIp() {
        var join = GridMemberConfig.member(new ClusterSettings("gridpbx", "10.0.0.5", 5701, List.of("10.0.0.6:5701")))
                .getNetworkConfig().getJoin();
        assertThat(join.getTcpIpConfig().isEnabled()).isTrue();
        assertThat(join.getTcpIpConfig().getMembers()).containsExactly("10.0.0.6:5701");
        assertThat(join.getKubernetesConfig().isEnabled()).isFalse();
    }

    @Test
    void eachPersistedMapHasItsOwnStoreAndTheTemplatesHaveNone() {
        Map<String, Object> stores = new java.util.LinkedHashMap<>();
        PersistedStores persisted = new PersistedStores(store(stores, MapNames.PLATFORM), store(stores, MapNames.RESELLERS),
                store(stores, MapNames.CLIENTS), store(stores, MapNames.USERS), store(stores, MapNames.CREDENTIALS),
                entryStore(stores, MapNames.LOCATIONS), store(stores, MapNames.ACCOUNTS), store(stores, MapNames.API_TOKENS),
                store(stores, MapNames.AUDIT), store(stores, MapNames.GATEWAYS), store(stores, MapNames.ROUTES),
                store(stores, MapNames.DIDS), store(stores, MapNames.CDRS), store(stores, MapNames.CONFIG),
                store(stores, MapNames.PICTURES), store(stores, MapNames.LOGOS),
                store(stores, MapNames.VOICEMAIL_MAILBOXES),
                store(stores, MapNames.VOICEMAIL_RECORDINGS), store(stores, MapNames.PHONES),
                store(stores, MapNames.BALANCES), entryStore(stores, MapNames.PRESENCE_SUBSCRIPTIONS),
                store(stores, MapNames.PRESENCE_XCAP), 1, 100);

        Config config = GridMemberConfig.persist(GridMemberConfig.grid("test"), persisted);

        stores.forEach((name, store) -> assertThat(implementation(config, name)).as(name).isSameAs(store));
        assertThat(config.getMapConfigs().get(MapNames.TENANT_PREFIX + "*").getMapStoreConfig().isEnabled()).isFalse();
        assertThat(config.getMapConfigs().get(MapNames.ACCESS_PREFIX + "*").getMapStoreConfig().isEnabled()).isFalse();
        assertThat(indexes(config.getMapConfigs().get(MapNames.USERS))).containsExactly("domain", "mac");
        assertThat(indexes(config.getMapConfigs().get(MapNames.CLIENTS))).containsExactly("resellerRealm");
        assertThat(indexes(config.getMapConfigs().get(MapNames.RESELLERS))).isEmpty();
        assertThat(config.getMapConfigs().get(MapNames.USERS).getNearCacheConfig()).as("the template's near cache").isNotNull();
        assertThat(config.getMapConfigs().get(MapNames.PICTURES).getNearCacheConfig())
                .as("no copy of every picture on every member").isNull();
        assertThat(WriteBehindBacklog.PERSISTED_MAPS).as("every persisted map is flushed and reported")
                .containsExactlyInAnyOrderElementsOf(stores.keySet());
    }

    @Test
    void registrationsKeptInTheGridOnly_haveNoStore_whileTheTenantsKeepTheirs() {
        Map<String, Object> stores = new java.util.LinkedHashMap<>();
        PersistedStores persisted = new PersistedStores(store(stores, MapNames.PLATFORM), store(stores, MapNames.RESELLERS),
                store(stores, MapNames.CLIENTS), store(stores, MapNames.USERS), store(stores, MapNames.CREDENTIALS),
                null, store(stores, MapNames.ACCOUNTS), store(stores, MapNames.API_TOKENS),
                store(stores, MapNames.AUDIT), store(stores, MapNames.GATEWAYS), store(stores, MapNames.ROUTES),
                store(stores, MapNames.DIDS), store(stores, MapNames.CDRS), store(stores, MapNames.CONFIG),
                store(stores, MapNames.PICTURES), store(stores, MapNames.LOGOS),
                store(stores, MapNames.VOICEMAIL_MAILBOXES), store(stores, MapNames.VOICEMAIL_RECORDINGS), 1, 100);

        Config config = GridMemberConfig.persist(GridMemberConfig.grid("test"), persisted);

        assertThat(config.getMapConfig(MapNames.LOCATIONS).getMapStoreConfig().isEnabled()).isFalse();
        assertThat(config.getMapConfig(MapNames.LOCATIONS).getBackupCount()).as("still backed up in the grid").isPositive();
        assertThat(config.getMapConfigs().get(MapNames.USERS).getMapStoreConfig().getImplementation())
                .isSameAs(stores.get(MapNames.USERS));
    }

    /** The store behind a map; the balances' table store, behind the adapter that writes balances as micros. */
    private static Object implementation(Config config, String name) {
        Object store = config.getMapConfigs().get(name).getMapStoreConfig().getImplementation();
        return store instanceof BalanceMapStore balances ? balances.table() : store;
    }

    private static List<String> indexes(MapConfig map) {
        return map.getIndexConfigs().stream().flatMap((IndexConfig i) -> i.getAttributes().stream()).toList();
    }

    private static <V> MapStore<String, V> store(Map<String, Object> stores, String name) {
        MapStore<String, V> store = new NoStore<>();
        stores.put(name, store);
        return store;
    }

    private static <V> EntryStore<String, V> entryStore(Map<String, Object> stores, String name) {
        EntryStore<String, V> store = new NoEntryStore<>();
        stores.put(name, store);
        return store;
    }

    private static class NoStore<V> implements MapStore<String, V> {
        @Override public void store(String key, V value) { }
        @Override public void storeAll(Map<String, V> map) { }
        @Override public void delete(String key) { }
        @Override public void deleteAll(Collection<String> keys) { }
        @Override public V load(String key) { return null; }
        @Override public Map<String, V> loadAll(Collection<String> keys) { return Map.of(); }
        @Override public Iterable<String> loadAllKeys() { return List.of(); }
    }

    private static final class NoEntryStore<V> implements EntryStore<String, V> {
        @Override public void store(String key, MetadataAwareValue<V> value) { }
        @Override public void storeAll(Map<String, MetadataAwareValue<V>> map) { }
        @Override public void delete(String key) { }
        @Override public void deleteAll(Collection<String> keys) { }
        @Override public MetadataAwareValue<V> load(String key) { return null; }
        @Override public Map<String, MetadataAwareValue<V>> loadAll(Collection<String> keys) { return Map.of(); }
        @Override public Iterable<String> loadAllKeys() { return List.of(); }
    }
}
