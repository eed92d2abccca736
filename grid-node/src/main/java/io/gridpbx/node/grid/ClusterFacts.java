package io.gridpbx.node.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.util.random.RandomGenerator;

/** Small facts every member must agree on, decided once by whichever member gets there first. */
public final class ClusterFacts {

    private static final String NONCE_SECRET = "digest-nonce-secret";
    private static final String FIRST_START_CLAIM = "first-start-claimed-by";
    private static final String PASSWORD_KEY = "sip-password-key";

    private final IMap<String, Object> facts;

    public ClusterFacts(HazelcastInstance grid) {
        this.facts = grid.getMap(MapNames.CLUSTER_FACTS);
    }

    /** The secret that seals digest nonces: created by the first member, shared by all. */
    public byte[] nonceSecret(RandomGenerator random) {
        byte[] mine = new byte[32];
        random.nextBytes(mine);
        Object existing = facts.putIfAbsent(NONCE_SECRET, mine);
        return existing == null ? mine : (byte[]) existing;
    }

    /** The key that seals SIP passwords: the first member's offer, agreed by all. */
    public byte[] passwordKey(byte[] offered) {
        Object existing = facts.putIfAbsent(PASSWORD_KEY, offered.clone());
        return existing == null ? offered.clone() : (byte[]) existing;
    }

    /** True for exactly one member of the cluster's life: the one that creates the first tenant data. */
    public boolean claimFirstStart(String nodeId) {
        return facts.putIfAbsent(FIRST_START_CLAIM, nodeId) == null;
    }
}
