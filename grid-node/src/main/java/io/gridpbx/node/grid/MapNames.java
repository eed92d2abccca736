package io.gridpbx.node.grid;

/** The names of the grid's distributed structures: one place, so configuration and adapters agree. */
public final class MapNames {

    /** Registrar bindings: AOR to binding set, changed only by entry processors. */
    public static final String LOCATIONS = "locations";
    /** Established calls by dialog key. */
    public static final String DIALOGS = "dialogs";
    /** Prefix shared by all tenant configuration maps: they get a near cache. */
    public static final String TENANT_PREFIX = "tenants.";
    public static final String PLATFORM = TENANT_PREFIX + "platform";
    public static final String RESELLERS = TENANT_PREFIX + "resellers";
    public static final String CLIENTS = TENANT_PREFIX + "clients";
    public static final String USERS = TENANT_PREFIX + "users";
    public static final String CREDENTIALS = TENANT_PREFIX + "credentials";
    /** Small cluster-wide facts: the digest nonce secret, the demo-data marker. */
    public static final String CLUSTER_FACTS = "cluster.facts";

    private MapNames() {
    }
}
