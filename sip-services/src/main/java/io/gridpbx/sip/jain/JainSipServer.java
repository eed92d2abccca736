package io.gridpbx.sip.jain;

import gov.nist.javax.sip.SipStackImpl;
import io.gridpbx.core.auth.ChallengeMemory;
import io.gridpbx.core.auth.DigestAuthenticator;
import io.gridpbx.core.auth.NonceCounts;
import io.gridpbx.core.auth.NonceService;
import io.gridpbx.core.billing.BillingIndex;
import io.gridpbx.core.billing.CallBilling;
import io.gridpbx.core.billing.InMemoryBalances;
import io.gridpbx.core.dialog.DialogRegistry;
import io.gridpbx.core.dialog.RouteSeal;
import io.gridpbx.core.limits.CallLimitRules;
import io.gridpbx.core.limits.CallRates;
import io.gridpbx.core.limits.CallSlots;
import io.gridpbx.core.limits.InMemoryCallRates;
import io.gridpbx.core.limits.InMemoryCallSlots;
import io.gridpbx.core.location.BindingStore;
import io.gridpbx.core.media.MediaRelay;
import io.gridpbx.core.presence.NotifySender;
import io.gridpbx.core.presence.PresenceServer;
import io.gridpbx.core.routing.CallRouter;
import io.gridpbx.core.security.AllowList;
import io.gridpbx.core.security.EdgeGuard;
import io.gridpbx.core.security.EdgeThresholds;
import io.gridpbx.core.security.LocalBanList;
import io.gridpbx.core.tenancy.NatPolicy;
import io.gridpbx.core.tenancy.TenantDirectory;
import io.gridpbx.core.trunking.Gateway;
import io.gridpbx.core.trunking.OutboundPlanner;
import io.gridpbx.core.trunking.TrunkingIndex;
import io.gridpbx.core.trunking.TrunkingView;
import io.gridpbx.sip.RejectionLog;
import io.gridpbx.sip.SipCounters;
import io.gridpbx.sip.SipNodeSettings;
import io.gridpbx.sip.SipServer;
import io.gridpbx.sip.overload.AdmissionThrottle;
import io.gridpbx.sip.overload.OverloadGate;
import io.gridpbx.sip.overload.OverloadSettings;
import io.gridpbx.sip.proxy.CallAdmission;
import io.gridpbx.sip.proxy.InitialRequestPolicy;
import io.gridpbx.sip.registrar.Registrar;
import java.time.Clock;
import java.util.Properties;
import javax.sip.ListeningPoint;
import javax.sip.SipFactory;
import javax.sip.SipProvider;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The SIP side of a node on JAIN-SIP RI: UDP and TCP on one port, TLS on another, registrar and stateful proxy. */
public final class JainSipServer implements SipServer {

    private static final Logger LOG = LoggerFactory.getLogger(JainSipServer.class);
    /** Retransmissions of a request come at 0.5, 1.5, 3.5, 7.5 and 15.5 s (RFC 3261 Timer E/A with T1 = 500 ms). */
    private static final java.time.Duration RETRANSMISSION_WINDOW = java.time.Duration.ofSeconds(16);

    /** Dialogs kept locally for their ACK: at 6,000 calls/s, 32 s of them. */
    private static final int RECENT_DIALOGS = 200_000;

    private final SipStackImpl stack;
    private final SipCounters counters;
    private final EdgeGuard guard;
    private final JainSipListener listener;
    private final JainSipProxy proxy;
    private final JainSipProbes probes;
    private final JainSipRegistrations registrations;

    private final JainSipPresence presence;
    private final JainSipNotifier notifier;

    private JainSipServer(SipStackImpl stack, SipCounters counters, EdgeGuard guard, JainSipListener listener,
            JainSipProxy proxy, JainSipProbes probes, JainSipRegistrations registrations, JainSipPresence presence,
            JainSipNotifier notifier) {
        this.presence = presence;
        this.notifier = notifier;
        this.probes = probes;
        this.registrations = registrations;
        this.stack = stack;
        this.counters = counters;
        this.guard = guard;
        this.listener = listener;
        this.proxy = proxy;
    }

    /**
     * Starts listening with the edge's default limits, bans kept on this node only, this node's own
     * address allowed, and the default overload control; the ports are bound when this returns.
     */
    public static JainSipServer start(SipNodeSettings settings, TenantDirectory directory, BindingStore bindings,
            DialogRegistry dialogs, NonceService nonces, NonceCounts counts, Clock clock) {
        EdgeGuard guard = new EdgeGuard(EdgeThresholds.DEFAULTS, new LocalBanList(clock, 100_000),
                lockout -> LOG.info("locked out {}", lockout), clock, settings.nodeId());
        try {
            guard.allow(AllowList.parse(java.util.List.of(settings.host())));
        } catch (IllegalArgumentException hostName) {
            // a host name or wildcard binds no single address to allow
        }
        return start(settings, OverloadSettings.DEFAULTS, directory, bindings, dialogs, nonces, counts, clock, guard);
    }

    /**
     * Starts listening; the ports are bound when this returns.
     *
     * @param overload when the node turns new requests away with 503 (queue delay)
     * @param counts   the nonce-counts against replays: the grid's, so a replay to another node is refused too
     * @param guard    decides which sources are refused; every datagram and request passes it first
     */
    public static JainSipServer start(SipNodeSettings settings, OverloadSettings overload, TenantDirectory directory,
            BindingStore bindings, DialogRegistry dialogs, NonceService nonces, NonceCounts counts, Clock clock,
            EdgeGuard guard) {
        return start(settings, overload, directory, bindings, dialogs, nonces, counts, clock, guard, null,
                domain -> NatPolicy.NEVER, new TrunkingIndex(), new InMemoryCallSlots());
    }

    /** A node whose clients no reseller bills: their calls to the PSTN go unrated and unlimited. */
    public static JainSipServer start(SipNodeSettings settings, OverloadSettings overload, TenantDirectory directory,
            BindingStore bindings, DialogRegistry dialogs, NonceService nonces, NonceCounts counts, Clock clock,
            EdgeGuard guard, @Nullable MediaRelay relay, java.util.function.Function<String, NatPolicy> policyOfClient,
            TrunkingView trunking, CallSlots slots) {
        return start(settings, overload, directory, bindings, dialogs, nonces, counts, clock, guard, relay, policyOfClient,
                trunking, slots, new InMemoryCallRates(clock),
                new CallBilling(new BillingIndex(), new InMemoryBalances(), directory));
    }

    /**
     * Starts listening, relaying the media of calls through {@code relay} as each client's policy says;
     * the ports are bound when this returns.
     *
     * @param relay          this node's media relay, or null to relay no media
     * @param policyOfClient a client domain's media policy (always, when a party is behind NAT, never)
     * @param trunking       the gateways, routes and DIDs of calls to and from the PSTN, read locally
     * @param slots          where calls take and give back their slots of the call limits: the grid's, cluster-wide
     */
    public static JainSipServer start(SipNodeSettings settings, OverloadSettings overload, TenantDirectory directory,
            BindingStore bindings, DialogRegistry dialogs, NonceService nonces, NonceCounts counts, Clock clock,
            EdgeGuard guard, @Nullable MediaRelay relay, java.util.function.Function<String, NatPolicy> policyOfClient,
            TrunkingView trunking, CallSlots slots, CallRates rates, CallBilling billing) {
        String stackName = "gridpbx-" + settings.nodeId();
        JainSipEdgeGuards.register(stackName, guard);
        try {
            SipFactory factory = SipFactory.getInstance();
            factory.setPathName("gov.nist");
            SipStackImpl stack = new JainSipStack(stackProperties(settings, stackName));
            SipCounters counters = new SipCounters();
            // Set before the listening points exist: the UDP processor it makes measures queue delay,
            // and TCP and TLS connections are framed by their Content-Length.
            AdmissionThrottle throttle = new AdmissionThrottle(overload, clock);
            counters.admittedShareFrom(throttle::admitted);
            JainSipQueueDelay queueDelay = new JainSipQueueDelay(clock, throttle);
            stack.setMessageProcessorFactory(new JainSipMessageProcessorFactory(queueDelay, counters, throttle,
                    Math.max(1, overload.retryAfter().toSeconds()), settings.threadPoolSize(), overload.socketNice()));
            AddressFactory addresses = factory.createAddressFactory();
            HeaderFactory headers = factory.createHeaderFactory();
            MessageFactory messages = factory.createMessageFactory();
            ListeningPoint udp = stack.createListeningPoint(settings.host(), settings.port(), ListeningPoint.UDP);
            ListeningPoint tcp = stack.createListeningPoint(settings.host(), settings.port(), ListeningPoint.TCP);
            SipProvider provider = stack.createSipProvider(udp);
            provider.addListeningPoint(tcp);
            if (settings.tls() != null) {
                provider.addListeningPoint(stack.createListeningPoint(settings.host(), settings.tls().port(),
                        ListeningPoint.TLS));
            }
            provider.setAutomaticDialogSupportEnabled(false);

            ((JainSipMessageParserFactory) stack.getMessageParserFactory()).countInto(counters);
            RejectionLog rejections = new RejectionLog(clock, 20);
            JainSipResponder responder = new JainSipResponder(provider, messages, headers, addresses,
                    rejections, counters, guard);
            JainSipSelf self = new JainSipSelf(settings, headers, addresses, System.nanoTime(),
                    new RouteSeal(nonces.derivedKey("record-route")));
            DigestAuthenticator authenticator = new DigestAuthenticator(directory, nonces, settings.digestAlgorithms(),
                    new ChallengeMemory(clock, RETRANSMISSION_WINDOW), counts, rejections);
            Registrar registrar = new Registrar(directory, authenticator, bindings, settings.registration());
            OutboundPlanner planner = new OutboundPlanner(trunking);
            guard.trust(address -> trunking.carrierAt(address).isPresent());
            JainSipFailures failures = new JainSipFailures(responder, counters);
            JainSipPresence presence = new JainSipPresence(responder, self, authenticator, directory, failures,
                    settings.nodeId(), clock);
            InitialRequestPolicy policy = new InitialRequestPolicy(directory, authenticator,
                    new CallRouter(directory, bindings, planner), trunking, planner, new CallAdmission(directory,
                            new CallLimitRules(trunking), slots, rates, billing, settings.nodeId()),
                    (picker, dialled, replaces) -> presence.pickup(picker, dialled, replaces));
            JainSipTrunks trunks = new JainSipTrunks(addresses, headers, settings.advertisedHost(), settings.trunkTimers());
            DialogTracker tracker = new DialogTracker(dialogs, new RecentDialogs(clock, RECENT_DIALOGS), slots,
                    responder, self, trunks.timers(), settings.trunkTimers().longestCall(),
                    new BusyLamps(presence::server, clock));
            JainSipFlows flows = new JainSipFlows(stack, settings.nodeId());
            JainSipProxy proxy = new JainSipProxy(responder, self, policy, tracker, clock, settings.nodeId(), counters,
                    flows, failures,
                    new JainSipMedia(relay, policyOfClient, responder, self, tracker), trunks, slots,
                    new GatewaySeats(slots, trunking, settings.nodeId()));
            JainSipListener listener = new JainSipListener(responder, self,
                    new JainSipRegistrar(responder, registrar, settings.nodeId(), counters, failures), proxy, presence,
                    counters,
                    new OverloadGate(overload, clock), queueDelay, failures);
            provider.addSipListener(listener);
            stack.start();
            LOG.info("SIP listening on {}:{} (UDP, TCP){} as {}", settings.host(), settings.port(),
                    settings.tls() == null ? "" : " and TLS on " + settings.tls().port(), settings.advertisedHost());
            return new JainSipServer(stack, counters, guard, listener, proxy,
                    new JainSipProbes(responder, self, settings.advertisedHost(), trunks.timers()),
                    new JainSipRegistrations(responder, self, trunks.timers(), new java.security.SecureRandom()),
                    presence, new JainSipNotifier(responder, self, flows, counters));
        } catch (Exception e) {
            JainSipEdgeGuards.unregister(stackName);
            throw new IllegalStateException("cannot start SIP on " + settings.host() + ":" + settings.port()
                    + ": " + e.getMessage(), e);
        }
    }

    private static Properties stackProperties(SipNodeSettings settings, String stackName) {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", stackName);
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        // Requests are handled in parallel on a pool instead of one thread per message channel.
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(settings.threadPoolSize()));
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        // Transaction timers on a ScheduledThreadPoolExecutor: a cancelled timer (nearly every one: a
        // response came) leaves the queue at once, where java.util.Timer, the default, keeps it until
        // it would have fired (Timer J and K live 32 s and 5 s) and sifts the whole heap around it.
        p.setProperty("gov.nist.javax.sip.TIMER_CLASS_NAME", "gov.nist.javax.sip.stack.timers.ScheduledExecutorSipTimer");
        // One logger name for the whole stack (by default it logs under the stack name).
        p.setProperty("gov.nist.javax.sip.LOG4J_LOGGER_NAME", "gov.nist");
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        // Not raised above the stack's 8 KiB: JAIN-SIP allocates a buffer of this size for every UDP
        // datagram it queues, so 64 KiB buffers turned an overload into an OutOfMemoryError. SIP over
        // UDP stays well under it (RFC 3261 section 18.1.1 sends anything near the MTU over TCP).
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "8192");
        // The stack's parser with one-line parse errors, which its automatic 400 uses as reason phrase.
        p.setProperty("gov.nist.javax.sip.MESSAGE_PARSER_FACTORY", JainSipMessageParserFactory.class.getName());
        // Banned sources, scanners and locked-out credentials are dropped before any transaction exists.
        p.setProperty("gov.nist.javax.sip.SIP_MESSAGE_VALVE", JainSipEdgeValve.class.getName());
        p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", "200000");
        p.setProperty("gov.nist.javax.sip.MAX_CLIENT_TRANSACTIONS", "200000");
        p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", "4194304");
        // Overload: a request that waited a second in the stack's queue has been retransmitted by its
        // sender already (T1 = 500 ms); dropping it keeps the queue, and the heap, bounded instead of
        // letting a flood grow it until the JVM runs out of memory. This applies to TCP; UDP's queue
        // is JainSipReceiveQueue, which drops a stale request at T1 itself, unparsed.
        p.setProperty("gov.nist.javax.sip.CONGESTION_CONTROL_TIMEOUT", "1000");
        p.setProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", "4194304");
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        // TCP on NIO selectors: thousands of phones must not mean thousands of reader threads. The stack
        // is made with the RI's NIO factory; start() then sets JainSipMessageProcessorFactory, which frames
        // each stream by its Content-Length before the RI's parser (which trusted it: one huge claim killed
        // the selector thread, and TCP with it) and measures how long each datagram waited.
        p.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY", "gov.nist.javax.sip.stack.NioMessageProcessorFactory");
        p.setProperty("gov.nist.javax.sip.PASS_INVITE_NON_2XX_ACK_TO_LISTENER", "false");
        p.setProperty("gov.nist.javax.sip.AGGRESSIVE_CLEANUP", "true");
        // Phones route through the stack's router, which sends a request for a phone that registered over
        // TCP or TLS back over that connection (RFC 5626 section 5.3) and any other as RFC 3263 says.
        p.setProperty("javax.sip.ROUTER_PATH", JainSipFlowRouter.class.getName());
        p.setProperty("javax.sip.USE_ROUTER_FOR_ALL_URIS", "true");
        if (settings.tls() != null) {
            JainSipTls.configure(p, settings.tls());
        }
        return p;
    }

    @Override
    public SipCounters counters() {
        return counters;
    }

    @Override
    public EdgeGuard guard() {
        return guard;
    }

    @Override
    public void drain() {
        if (listener.drain()) {
            LOG.info("draining: new calls and registrations are answered 503, dialogs in progress go on");
        }
    }

    @Override
    public boolean draining() {
        return listener.draining();
    }

    @Override
    public boolean endRelayedCall(String callId, String disposition) {
        return proxy.hangUp(callId, disposition);
    }

    @Override
    public boolean endCall(String callId, String disposition) {
        return proxy.endCall(callId, disposition);
    }

    @Override
    public java.util.concurrent.CompletionStage<Integer> probe(Gateway gateway, java.time.Duration patience) {
        return probes.probe(gateway, patience);
    }

    @Override
    public java.util.concurrent.CompletionStage<io.gridpbx.core.trunking.RegisterOutcome> register(Gateway gateway,
            int expires, java.time.Duration patience) {
        return registrations.register(gateway, expires, patience);
    }

    @Override
    public NotifySender notifier() {
        return notifier;
    }

    @Override
    public void servePresence(PresenceServer presenceServer) {
        presence.serve(presenceServer);
    }

    @Override
    public int callsSettingUp() {
        return proxy.invitesInProgress();
    }

    @Override
    public void close() {
        stack.stop();
        proxy.close();
        JainSipEdgeGuards.unregister(stack.getStackName());
    }
}
