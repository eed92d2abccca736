package io.gridpbx.node.grid;

/** The names of the grid's distributed structures: one place, so configuration and adapters agree. */
public final class MapNames {

    /** Registrar bindings: AOR to binding set, changed only by entry processors. */
    public static final String LOCATIONS = "locations";
    /** Ended calls by Call-ID, written behind for reports and billing. */
    public static final String CDRS = "cdrs";
    /** Established calls by dialog key. */
    public static final String DIALOGS = "dialogs";
    /** Prefix shared by all tenant configuration maps: they get a near cache. */
    public static final String TENANT_PREFIX = "tenants.";
    public static final String PLATFORM = TENANT_PREFIX + "platform";
    public static final String RESELLERS = TENANT_PREFIX + "resellers";
    public static final String CLIENTS = TENANT_PREFIX + "clients";
    public static final String USERS = TENANT_PREFIX + "users";
    public static final String CREDENTIALS = TENANT_PREFIX + "credentials";
    /** The platform's SIP trunks by id. */
    public static final String GATEWAYS = TENANT_PREFIX + "gateways";
    /** Outbound routes by id; owned by the platform or a reseller. */
    public static final String ROUTES = TENANT_PREFIX + "routes";
    /** The DID inventory by number. */
    public static final String DIDS = TENANT_PREFIX + "dids";
    /** Resellers' logos by realm: shown on every page of their clients and users, so near-cached too. */
    public static final String LOGOS = TENANT_PREFIX + "logos";
    /** Configuration objects (features, profiles, settings) by kind|owner|id. */
    public static final String CONFIG = TENANT_PREFIX + "config";
    /**
     * What the OPTIONS probes found of each gateway, by gateway id: written by the one member that probes
     * it, mirrored by every member's call path. Not persisted: a restarted cluster probes again.
     */
    public static final String GATEWAY_HEALTH = "trunking.gateway-health";
    /**
     * How each registering gateway's registration at its carrier stands, by gateway id: written by the one
     * member that registers it, read by the admin and the API. Not persisted: the next owner registers again.
     */
    public static final String GATEWAY_REGISTRATIONS = "trunking.gateway-registrations";
    /**
     * Balances of clients and resellers by tenant (client domain or reseller realm): micros and the ids
     * of the latest changes, changed only by entry processors on their owner.
     */
    public static final String BALANCES = "billing.balances";
    /** The call limits' counters: limit key ({@code client:office.example}) → the Call-IDs counted, sorted. */
    public static final String CALL_SLOTS = "limits.slots";
    /** The slots each call holds, by Call-ID, for their release and reconciliation. */
    public static final String CALL_HOLDINGS = "limits.calls";
    /** Calls per second: capped key → {second, calls counted in it}. */
    public static final String CALL_RATES = "limits.rates";
    /** Prefix of the management plane's maps (no near cache: read at sign-in and per API call). */
    public static final String ACCESS_PREFIX = "access.";
    /** Portal sign-in accounts by email. */
    public static final String ACCOUNTS = ACCESS_PREFIX + "accounts";
    /** API tokens by the SHA-256 of their secret. */
    public static final String API_TOKENS = ACCESS_PREFIX + "tokens";
    /** The audit trail by time-ordered id. */
    public static final String AUDIT = ACCESS_PREFIX + "audit";
    /**
     * Users' profile pictures by address of record: up to 256 KB each, read by the portal only, so no near
     * cache (it would hold a copy of every picture on every member).
     */
    public static final String PICTURES = "pictures";
    /** Voicemail: each user's mailbox (its messages) by address of record. */
    public static final String VOICEMAIL_MAILBOXES = "voicemail.mailboxes";
    /** Voicemail recordings by message id; loaded when played, evicted past a size. */
    public static final String VOICEMAIL_RECORDINGS = "voicemail.recordings";
    /** Pending password resets by token hash; they expire, and are never persisted. */
    public static final String PASSWORD_RESETS = "access-transient.resets";
    /**
     * The SIP edge's bans and lockouts by key (source, or source and user); each entry expires with its
     * ban. Every member mirrors it locally, so the per-packet check reads no grid.
     */
    public static final String SECURITY_BANS = "security.bans";
    /** The platform's SIP allow-list as its administrator edited it (one entry, the whole list). */
    public static final String SECURITY_ALLOW_LIST = "security.allow-list";
    /**
     * Digest nonce-counts by "user nonce": the highest count each nonce was accepted with, kept while the
     * nonce is valid, so a replay is refused by every node. Never persisted.
     */
    public static final String NONCE_COUNTS = "auth.nonce-counts";
    /** Small cluster-wide facts: the digest nonce secret, the demo-data marker. */
    public static final String CLUSTER_FACTS = "cluster.facts";
    /**
     * What each member publishes for DNS (its SIP address, ports and load), by member UUID: a replicated
     * map, so that every answer is read from local memory. Never persisted.
     */
    public static final String DNS_NODES = "dns.nodes";
    /** Which node relays each call's media, with its ports, peers and counters, by Call-ID. Never persisted. */
    public static final String MEDIA_SESSIONS = "media.sessions";

    /**
     * Presence subscriptions (RFC 6665) by {@code Subscription.key()}: each entry expires a little after the
     * subscription, and every member mirrors who watches whom. Written behind, so a full restart keeps them.
     */
    public static final String PRESENCE_SUBSCRIPTIONS = "presence.subscriptions";
    /** Subscription key → the CSeq of its last NOTIFY; never persisted (a counter starts from a clock). */
    public static final String PRESENCE_NOTIFY_COUNTS = "presence.notify-counts";
    /** Published presence (RFC 3903) by AOR: changed only by an entry processor. Never persisted. */
    public static final String PRESENCE_PUBLICATIONS = "presence.publications";
    /** The calls of watched users by AOR, as their busy lamps show them (RFC 4235). Never persisted. */
    public static final String PRESENCE_CALLS = "presence.calls";
    /**
     * Users' XCAP documents (resource-lists, rls-services) by {@code auid|user@domain|name}: changed only by an
     * entry processor that checks the request's entity tag on the owner. Written behind.
     */
    public static final String PRESENCE_XCAP = "presence.xcap";

    /** The active alerts by id ({@code node-left:127.0.0.2:5701}): raised by putIfAbsent, cleared by remove. */
    public static final String ALERTS_ACTIVE = "alerts.active";
    /** Cleared alerts by id and raise time, the latest few hundred. Never persisted. */
    public static final String ALERTS_HISTORY = "alerts.history";
    /** The member addresses the cluster has had, so that the one that is missing is known. Never persisted. */
    public static final String ALERTS_MEMBERS = "alerts.members";

    private MapNames() {
    }

    /** Desk phones by MAC: provisioning secret hash and last fetch. */
    public static final String PHONES = "provisioning.phones";
}
