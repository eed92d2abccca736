package io.gridpbx.sip;

import io.gridpbx.core.auth.LocalNonceCounts;
import io.gridpbx.core.auth.NonceService;
import io.gridpbx.core.billing.BillingIndex;
import io.gridpbx.core.billing.CallBilling;
import io.gridpbx.core.billing.InMemoryBalances;
import io.gridpbx.core.dialog.RouteSeal;
import io.gridpbx.core.digest.DigestAlgorithm;
import io.gridpbx.core.limits.InMemoryCallRates;
import io.gridpbx.core.limits.InMemoryCallSlots;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.location.Binding;
import io.gridpbx.core.location.BindingStore;
import io.gridpbx.core.location.InMemoryBindingStore;
import io.gridpbx.core.location.RegistrationPolicy;
import io.gridpbx.core.presence.EventPackage;
import io.gridpbx.core.presence.InMemoryCallStates;
import io.gridpbx.core.presence.InMemoryPublications;
import io.gridpbx.core.presence.InMemorySubscriptions;
import io.gridpbx.core.presence.NotifyCoalescer;
import io.gridpbx.core.presence.PresenceServer;
import io.gridpbx.core.presence.SubscriptionRules;
import io.gridpbx.core.presence.xcap.InMemoryXcapStore;
import io.gridpbx.core.presence.xcap.XcapDocuments;
import io.gridpbx.core.security.AllowList;
import io.gridpbx.core.security.Ban;
import io.gridpbx.core.security.EdgeGuard;
import io.gridpbx.core.security.EdgeThresholds;
import io.gridpbx.core.security.LocalBanList;
import io.gridpbx.core.tenancy.DemoTenants;
import io.gridpbx.core.tenancy.InMemoryTenantDirectory;
import io.gridpbx.core.tenancy.NatPolicy;
import io.gridpbx.core.tenancy.TenantProvisioning;
import io.gridpbx.core.trunking.TrunkingIndex;
import io.gridpbx.core.voicemail.Mailbox;
import io.gridpbx.sip.jain.JainSipServer;
import io.gridpbx.sip.overload.OverloadSettings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.UnaryOperator;

/**
 * A real JAIN-SIP node on 127.0.0.1 with the demo tenants, over in-memory doubles of the grid
 * (tenant directory, bindings, dialogs): the unit under test is the SIP side, not the grid.
 */
final class LoopbackNode implements AutoCloseable {

    static final String HOST = "127.0.0.1";
    static final String OFFICE = "office.demo.gridpbx.test";
    static final String ACME = "acme.demo.gridpbx.test";

    final int port;
    final JainSipServer server;
    final InMemoryTenantDirectory directory;
    final SynchronizedBindingStore bindings;
    final InMemoryDialogRegistry dialogs;
    /** The seal the node puts in its Record-Route, as every member of its cluster computes it. */
    final RouteSeal routeSeal;
    /** What the guard reported for the audit log: lockouts and password-guessing bans. */
    final List<Ban> lockouts;
    /** The bans and lockouts in force on this node. */
    final LocalBanList bans;
    /** The gateways, routes and DIDs the node's calls to and from the PSTN read; empty until a test fills it. */
    final TrunkingIndex trunking;
    /** The slots of the call limits, counted on this node alone. */
    final InMemoryCallSlots slots;
    /** The billing profiles, rates and client accounts the node's calls to the PSTN read; empty until a test fills it. */
    final BillingIndex billing;
    /** The balances of the clients, in this node's memory. */
    final InMemoryBalances balances;
    /** The presence server every loopback node runs, on in-memory stores. */
    final PresenceServer presence;
    /** Its subscriptions. */
    final InMemorySubscriptions subscriptions;
    /** The voicemail counts its message-summary NOTIFYs read; a test sets them, then tells {@link #presence}. */
    final Map<AddressOfRecord, Mailbox.Count> mailboxes = new ConcurrentHashMap<>();
    /** The users' XCAP documents (resource lists, RLS services), which subscriptions to a list URI read. */
    final XcapDocuments xcap = new XcapDocuments(new InMemoryXcapStore(), new SplittableRandom(7));

    private LoopbackNode(int port, JainSipServer server, InMemoryTenantDirectory directory,
            SynchronizedBindingStore bindings, InMemoryDialogRegistry dialogs, RouteSeal routeSeal,
            List<Ban> lockouts, LocalBanList bans, TrunkingIndex trunking, InMemoryCallSlots slots, BillingIndex billing,
            InMemoryBalances balances, Clock clock) {
        this.subscriptions = new InMemorySubscriptions(clock);
        InMemoryPublications publications = new InMemoryPublications(SubscriptionRules.DEFAULT, clock);
        InMemoryCallStates callStates = new InMemoryCallStates(clock);
        this.presence = new PresenceServer(directory, subscriptions, publications, callStates, bindings,
                user -> CompletableFuture.completedFuture(mailboxes.getOrDefault(user, new Mailbox.Count(0, 0))),
                server.notifier(), SubscriptionRules.DEFAULT, new NotifyCoalescer(PRESENCE_TIMER), clock,
                new SplittableRandom(port), (owner, listUri) -> CompletableFuture.completedFuture(xcap.listUris(owner)
                        .stream().filter(service -> service.uri().equalsIgnoreCase(listUri)).findFirst()));
        publications.onChange(entity -> presence.changed(entity, EventPackage.PRESENCE));
        callStates.onChange(user -> {
            presence.changed(user, EventPackage.DIALOG);
            presence.changed(user, EventPackage.PRESENCE);
        });
        server.servePresence(presence);
        this.billing = billing;
        this.balances = balances;
        this.trunking = trunking;
        this.slots = slots;
        this.lockouts = lockouts;
        this.bans = bans;
        this.port = port;
        this.server = server;
        this.directory = directory;
        this.bindings = bindings;
        this.dialogs = dialogs;
        this.routeSeal = routeSeal;
    }

    private static final ScheduledExecutorService PRESENCE_TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "presence-it");
        thread.setDaemon(true);
        return thread;
    });

    /** The cluster secret of every loopback node, so that a test can mint nonces the node accepts. */
    static final byte[] NONCE_SECRET = "a cluster secret for tests only".getBytes(StandardCharsets.UTF_8);

    /** Starts a node offering MD5 by default (the platform default) with the default registrar limits. */
    static LoopbackNode start(int port) {
        return start(port, null, EdgeThresholds.DEFAULTS, Clock.systemUTC(), OverloadSettings.DEFAULTS);
    }

    /** As {@link #start(int)}, with SIP over TLS as given (or none). */
    static LoopbackNode start(int port, SipTls tls) {
        return start(port, tls, EdgeThresholds.DEFAULTS, Clock.systemUTC(), OverloadSettings.DEFAULTS);
    }

    /** As {@link #start(int)}, with these edge limits. */
    static LoopbackNode start(int port, EdgeThresholds limits) {
        return start(port, null, limits, Clock.systemUTC(), OverloadSettings.DEFAULTS);
    }

    /** As {@link #start(int)}, on its own clock and overload settings. */
    static LoopbackNode start(int port, Clock clock, OverloadSettings overload) {
        return start(port, null, EdgeThresholds.DEFAULTS, clock, overload);
    }

    /**
     * A node with SIP over TLS as given (or none), these edge limits, bans kept on the node (a
     * {@link LocalBanList}), the node's own address 127.0.0.1 allowed (the tests' phones use it;
     * attackers use others), on this clock and with this overload control.
     */
    static LoopbackNode start(int port, SipTls tls, EdgeThresholds limits, Clock clock, OverloadSettings overload) {
        return start(port, tls, limits, clock, overload, UnaryOperator.identity());
    }

    /** As {@link #start(int)}, with the in-memory binding store wrapped (to slow it down, for one). */
    static LoopbackNode start(int port, UnaryOperator<BindingStore> aroundBindings) {
        return start(port, null, EdgeThresholds.DEFAULTS, Clock.systemUTC(), OverloadSettings.DEFAULTS, aroundBindings);
    }

    /** As {@link #start(int)}, with these timers for calls to the PSTN. */
    static LoopbackNode start(int port, TrunkTimers timers) {
        return start(port, null, EdgeThresholds.DEFAULTS, Clock.systemUTC(), OverloadSettings.DEFAULTS,
                UnaryOperator.identity(), timers);
    }

    private static LoopbackNode start(int port, SipTls tls, EdgeThresholds limits, Clock clock,
            OverloadSettings overload, UnaryOperator<BindingStore> aroundBindings) {
        return start(port, tls, limits, clock, overload, aroundBindings, TrunkTimers.DEFAULTS);
    }

    private static LoopbackNode start(int port, SipTls tls, EdgeThresholds limits, Clock clock,
            OverloadSettings overload, UnaryOperator<BindingStore> aroundBindings, TrunkTimers timers) {
        InMemoryTenantDirectory directory = new InMemoryTenantDirectory();
        DemoTenants.create(new TenantProvisioning(directory));
        SynchronizedBindingStore bindings = new SynchronizedBindingStore(aroundBindings.apply(new InMemoryBindingStore(clock)));
        InMemoryDialogRegistry dialogs = new InMemoryDialogRegistry();
        NonceService nonces = new NonceService(NONCE_SECRET,
                clock, new SplittableRandom(port), Duration.ofMinutes(5));
        SipNodeSettings settings = new SipNodeSettings(HOST, port, HOST, "it-" + port, 4,
                List.of(DigestAlgorithm.MD5), RegistrationPolicy.DEFAULTS, tls);
        settings = settings.withTrunkTimers(timers);
        List<Ban> lockouts = new CopyOnWriteArrayList<>();
        LocalBanList bans = new LocalBanList(clock, 1000);
        EdgeGuard guard = new EdgeGuard(limits, bans, lockouts::add, clock, settings.nodeId());
        guard.allow(AllowList.parse(List.of(HOST)));
        TrunkingIndex trunking = new TrunkingIndex();
        InMemoryCallSlots slots = new InMemoryCallSlots();
        BillingIndex billing = new BillingIndex();
        InMemoryBalances balances = new InMemoryBalances();
        JainSipServer server = JainSipServer.start(settings, overload, directory, bindings, dialogs, nonces,
                new LocalNonceCounts(clock, nonces.lifetime(), Duration.ofSeconds(32)), clock, guard, null,
                domain -> NatPolicy.NEVER, trunking, slots, new InMemoryCallRates(clock),
                new CallBilling(billing, balances, directory));
        return new LoopbackNode(port, server, directory, bindings, dialogs,
                new RouteSeal(nonces.derivedKey("record-route")), lockouts, bans, trunking, slots, billing, balances,
                clock);
    }

    EdgeGuard guard() {
        return server.guard();
    }

    SipCounters counters() {
        return server.counters();
    }

    List<Binding> contactsOf(String user, String domain) {
        return io.gridpbx.core.store.Stages.await(bindings.lookup(new AddressOfRecord(user, domain)));
    }

    @Override
    public void close() {
        server.close();
    }
}
