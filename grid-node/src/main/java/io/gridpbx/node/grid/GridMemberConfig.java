package io.gridpbx.node.grid;

import com.hazelcast.config.Config;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.IndexConfig;
import com.hazelcast.config.IndexType;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MapStoreConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.config.MergePolicyConfig;
import com.hazelcast.config.NearCacheConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.spi.merge.LatestUpdateMergePolicy;
import com.hazelcast.spi.merge.PutIfAbsentMergePolicy;
import java.util.List;

/** Builds the Hazelcast member configuration of a GridPBX node. */
public final class GridMemberConfig {

    /**
     * Nonce-counts a member keeps (its own entries, backups apart): some 200 bytes each, 100 MB with the
     * backups. Enough for every nonce of 3,000 authenticated requests/s per member over a nonce's five minutes.
     */
    static final int NONCE_COUNTS_PER_MEMBER = 1_000_000;

    private GridMemberConfig() {
    }

    /** A networked member: TCP/IP join to the configured peers (or Kubernetes discovery), no multicast, fast failure detection. */
    public static Config member(ClusterSettings settings) {
        Config config = grid(settings.name());
        config.setInstanceName("gridpbx-" + settings.host() + "-" + settings.port());
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(settings.port()).setPortAutoIncrement(false);
        // Bind exactly this address. Interface matching would refuse a loopback alias such as 127.0.0.2
        // ("no matching network interface"): Linux routes all of 127/8 but lists only 127.0.0.1 on lo.
        config.setProperty("hazelcast.local.localAddress", settings.host());
        network.setPublicAddress(settings.host() + ":" + settings.port());
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        if (settings.kubernetesServiceDns() != null && !settings.kubernetesServiceDns().isBlank()) {
            // On Kubernetes: the headless Service's A records are the members; nothing to list by hand.
            join.getKubernetesConfig().setEnabled(true)
                    .setProperty("service-dns", settings.kubernetesServiceDns())
                    .setProperty("service-port", Integer.toString(settings.port()));
        } else {
            List<String> members = settings.members().isEmpty()
                    ? List.of(settings.host() + ":" + settings.port())
                    : settings.members();
            join.getTcpIpConfig().setEnabled(true).setMembers(members).setConnectionTimeoutSeconds(2);
        }
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "1");
        config.setProperty("hazelcast.max.wait.seconds.before.join", "3");
        return config;
    }

    /** A networked member whose tenant configuration and registrations are written behind to a database. */
    public static Config member(ClusterSettings settings, PersistedStores stores) {
        Config config = member(settings);
        persist(config, stores);
        return config;
    }

    /**
     * Puts the stores behind the persisted maps: write-behind with backups of the queues (an owner
     * that dies before the flush leaves its pending writes on the backup), coalescing, and an eager
     * load at start so the first call after a full restart finds its user and its callee.
     */
    public static Config persist(Config config, PersistedStores stores) {
        persistedMap(config, MapNames.PLATFORM, stores.platform(), stores);
        persistedMap(config, MapNames.RESELLERS, stores.resellers(), stores);
        persistedMap(config, MapNames.CLIENTS, stores.clients(), stores);
        persistedMap(config, MapNames.USERS, stores.users(), stores);
        persistedMap(config, MapNames.CREDENTIALS, stores.credentials(), stores);
        persistedMap(config, MapNames.GATEWAYS, stores.gateways(), stores);
        persistedMap(config, MapNames.ROUTES, stores.routes(), stores);
        persistedMap(config, MapNames.DIDS, stores.dids(), stores);
        persistedMap(config, MapNames.CDRS, stores.cdrs(), stores);
        persistedMap(config, MapNames.CONFIG, stores.config(), stores);
        persistedMap(config, MapNames.ACCOUNTS, stores.accounts(), stores);
        persistedMap(config, MapNames.API_TOKENS, stores.apiTokens(), stores);
        persistedMap(config, MapNames.AUDIT, stores.audit(), stores);
        persistedMap(config, MapNames.PICTURES, stores.pictures(), stores);
        persistedMap(config, MapNames.LOGOS, stores.logos(), stores);
        persistedMap(config, MapNames.VOICEMAIL_MAILBOXES, stores.mailboxes(), stores);
        persistedMap(config, MapNames.VOICEMAIL_RECORDINGS, stores.recordings(), stores);
        if (stores.phones() != null) {
            persistedMap(config, MapNames.PHONES, stores.phones(), stores);
        }
        if (stores.balances() != null) {
            persistedMap(config, MapNames.BALANCES, new BalanceMapStore(stores.balances()), stores);
        }
        if (stores.locations() != null) {
            config.getMapConfig(MapNames.LOCATIONS).setMapStoreConfig(writeBehind(stores.locations(), stores));
        }
        if (stores.subscriptions() != null) {
            config.getMapConfig(MapNames.PRESENCE_SUBSCRIPTIONS).setMapStoreConfig(writeBehind(stores.subscriptions(), stores));
        }
        if (stores.xcapDocuments() != null) {
            persistedMap(config, MapNames.PRESENCE_XCAP, stores.xcapDocuments(), stores);
        }
        return config;
    }

    private static void persistedMap(Config config, String name, Object store, PersistedStores stores) {
        own(config, name).setMapStoreConfig(writeBehind(store, stores));
    }

    /**
     * The map's own configuration, made from its wildcard template ("tenants.*") when it has none yet.
     * {@code Config.getMapConfig} would return the template itself for a name it matches, so a map
     * store or index set through it would land on every map of the family.
     */
    private static MapConfig own(Config config, String name) {
        MapConfig exact = config.getMapConfigs().get(name);
        if (exact != null) {
            return exact;
        }
        MapConfig copy = new MapConfig(config.getMapConfig(name)).setName(name);
        config.addMapConfig(copy);
        return copy;
    }

    private static MapStoreConfig writeBehind(Object store, PersistedStores stores) {
        return new MapStoreConfig()
                .setEnabled(true)
                .setImplementation(store)
                .setWriteDelaySeconds(stores.writeDelaySeconds())
                .setWriteBatchSize(stores.writeBatchSize())
                .setWriteCoalescing(true)
                .setInitialLoadMode(MapStoreConfig.InitialLoadMode.EAGER);
    }

    /**
     * Everything but the network: maps, serialization and failure detection. In-JVM tests build
     * their members from this so that they run the production configuration.
     */
    public static Config grid(String clusterName) {
        Config config = new Config();
        config.setClusterName(clusterName);
        // A member that stops answering is declared dead within 5 s; its backups are promoted.
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "5");
        config.setProperty("hazelcast.heartbeat.failuredetector.type", "deadline");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.merge.first.run.delay.seconds", "10");
        config.setProperty("hazelcast.merge.next.run.delay.seconds", "10");
        // A password or DND change must reach every near cache at once, not with the next 10 s batch.
        config.setProperty("hazelcast.map.invalidation.batch.enabled", "false");

        config.addMapConfig(new MapConfig(MapNames.LOCATIONS)
                .setBackupCount(1).setAsyncBackupCount(0)
                .setInMemoryFormat(InMemoryFormat.OBJECT)
                // After a split, the side that saw the latest REGISTER of an AOR wins.
                .setPerEntryStatsEnabled(true)
                .setMergePolicyConfig(new MergePolicyConfig(LatestUpdateMergePolicy.class.getName(), 100)));
        config.addMapConfig(new MapConfig(MapNames.DIALOGS)
                .setBackupCount(1).setAsyncBackupCount(0)
                .setPerEntryStatsEnabled(true)
                .setMergePolicyConfig(new MergePolicyConfig(LatestUpdateMergePolicy.class.getName(), 100)));
        config.addMapConfig(new MapConfig(MapNames.TENANT_PREFIX + "*")
                .setBackupCount(1).setAsyncBackupCount(0)
                .setNearCacheConfig(tenantNearCache()));
        own(config, MapNames.CLIENTS).addIndexConfig(new IndexConfig(IndexType.HASH, "resellerRealm"));
        own(config, MapNames.USERS).addIndexConfig(new IndexConfig(IndexType.HASH, "domain"));
        // A phone's fetch finds its user by MAC, at every fetch (so a moved phone follows at once).
        own(config, MapNames.USERS).addIndexConfig(new IndexConfig(IndexType.HASH, "mac"));
        own(config, MapNames.ROUTES).addIndexConfig(new IndexConfig(IndexType.HASH, "ownerRealm"));
        own(config, MapNames.CONFIG).addIndexConfig(new IndexConfig(IndexType.HASH, "owner"));
        config.addMapConfig(new MapConfig(MapNames.ACCESS_PREFIX + "*").setBackupCount(1).setAsyncBackupCount(0));
        own(config, MapNames.ACCOUNTS).addIndexConfig(new IndexConfig(IndexType.HASH, "home"));
        own(config, MapNames.API_TOKENS).addIndexConfig(new IndexConfig(IndexType.HASH, "scope"));
        config.addMapConfig(new MapConfig(MapNames.PHONES).setBackupCount(1).setAsyncBackupCount(0));
        config.addMapConfig(new MapConfig(MapNames.PASSWORD_RESETS).setBackupCount(1).setAsyncBackupCount(0));
        // Pictures load on demand and the least recently used leave the heap past 64 MB per member.
        config.addMapConfig(new MapConfig(MapNames.PICTURES).setBackupCount(1).setAsyncBackupCount(0)
                .setEvictionConfig(new EvictionConfig().setEvictionPolicy(EvictionPolicy.LRU)
                        .setMaxSizePolicy(MaxSizePolicy.USED_HEAP_SIZE).setSize(64)));
        config.addMapConfig(new MapConfig(MapNames.VOICEMAIL_MAILBOXES).setBackupCount(1).setAsyncBackupCount(0));
        // Recordings too load on demand; most are played once, so 64 MB per member keeps the recent ones.
        config.addMapConfig(new MapConfig(MapNames.VOICEMAIL_RECORDINGS).setBackupCount(1).setAsyncBackupCount(0)
                .setEvictionConfig(new EvictionConfig().setEvictionPolicy(EvictionPolicy.LRU)
                        .setMaxSizePolicy(MaxSizePolicy.USED_HEAP_SIZE).setSize(64)));
        // Reports read the last 90 days from the grid; older CDRs stay in the database only.
        config.addMapConfig(new MapConfig(MapNames.CDRS).setBackupCount(1).setAsyncBackupCount(0)
                .setTimeToLiveSeconds((int) java.time.Duration.ofDays(90).toSeconds())
                .addIndexConfig(new IndexConfig(IndexType.SORTED, "startedAt")));
        // Bans expire by their own TTL; a split's sides both keep what they banned.
        config.addMapConfig(new MapConfig(MapNames.SECURITY_BANS).setBackupCount(1).setAsyncBackupCount(0)
                .setMergePolicyConfig(new MergePolicyConfig(PutIfAbsentMergePolicy.class.getName(), 100)));
        config.addMapConfig(new MapConfig(MapNames.SECURITY_ALLOW_LIST).setBackupCount(1).setAsyncBackupCount(0)
                .setPerEntryStatsEnabled(true)
                .setMergePolicyConfig(new MergePolicyConfig(LatestUpdateMergePolicy.class.getName(), 100)));
        // Each entry expires with its nonce (TTL set per entry); the cap bounds memory under a REGISTER
        // flood, and a count it lets go early is refused rather than trusted (NonceUse.firstUseInTime).
        config.addMapConfig(new MapConfig(MapNames.NONCE_COUNTS).setBackupCount(1).setAsyncBackupCount(0)
                .setInMemoryFormat(InMemoryFormat.OBJECT)
                .setEvictionConfig(new EvictionConfig().setEvictionPolicy(EvictionPolicy.LRU)
                        .setMaxSizePolicy(MaxSizePolicy.PER_NODE).setSize(NONCE_COUNTS_PER_MEMBER)));
        config.addMapConfig(new MapConfig(MapNames.GATEWAY_HEALTH).setBackupCount(1).setAsyncBackupCount(0));
        // Changed by entry processors on the owner: kept as objects, so a check-and-increment does not
        // deserialize and serialize a busy client's whole list of calls.
        config.addMapConfig(new MapConfig(MapNames.CALL_SLOTS).setBackupCount(1).setAsyncBackupCount(0)
                .setInMemoryFormat(InMemoryFormat.OBJECT));
        // Charged on every call's end by an entry processor on the owner: kept as objects, so a charge does
        // not deserialize and serialize the balance's list of the latest changes.
        config.addMapConfig(new MapConfig(MapNames.BALANCES).setBackupCount(1).setAsyncBackupCount(0)
                .setInMemoryFormat(InMemoryFormat.OBJECT));
        config.addMapConfig(new MapConfig(MapNames.CALL_HOLDINGS).setBackupCount(1).setAsyncBackupCount(0));
        // Presence: subscriptions expire by their own TTL (a refresh or a NOTIFY's CSeq is an entry processor:
        // kept as objects); after a split, the side that changed a subscription last wins.
        config.addMapConfig(new MapConfig(MapNames.PRESENCE_SUBSCRIPTIONS).setBackupCount(1).setAsyncBackupCount(0)
                .setInMemoryFormat(InMemoryFormat.OBJECT)
                .setPerEntryStatsEnabled(true)
                .setMergePolicyConfig(new MergePolicyConfig(LatestUpdateMergePolicy.class.getName(), 100)));
        config.addMapConfig(new MapConfig(MapNames.PRESENCE_PUBLICATIONS).setBackupCount(1).setAsyncBackupCount(0)
                .setInMemoryFormat(InMemoryFormat.OBJECT));
        // XCAP documents: up to 1 MiB each, but a few KB for a phone's buddy list; loaded whole at start.
        config.addMapConfig(new MapConfig(MapNames.PRESENCE_XCAP).setBackupCount(1).setAsyncBackupCount(0));
        config.addMapConfig(new MapConfig(MapNames.PRESENCE_CALLS).setBackupCount(1).setAsyncBackupCount(0)
                .setInMemoryFormat(InMemoryFormat.OBJECT));
        config.addMapConfig(new MapConfig(MapNames.CLUSTER_FACTS)
                .setBackupCount(1).setAsyncBackupCount(0)
                .setMergePolicyConfig(new MergePolicyConfig(PutIfAbsentMergePolicy.class.getName(), 100)));
        GridSerialization.register(config.getSerializationConfig());
        return config;
    }

    /**
     * Tenant configuration is read on every SIP request: keep it deserialized beside each member,
     * local entries included, invalidated when any member changes it.
     */
    private static NearCacheConfig tenantNearCache() {
        return new NearCacheConfig()
                .setInMemoryFormat(InMemoryFormat.OBJECT)
                .setInvalidateOnChange(true)
                .setCacheLocalEntries(true)
                .setEvictionConfig(new EvictionConfig()
                        .setEvictionPolicy(EvictionPolicy.LRU)
                        .setMaxSizePolicy(MaxSizePolicy.ENTRY_COUNT)
                        .setSize(2_000_000));
    }
}
