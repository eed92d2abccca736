package io.gridpbx.admin;

import io.gridpbx.core.MutableClock;
import io.gridpbx.core.access.Actor;
import io.gridpbx.core.access.ApiTokens;
import io.gridpbx.core.access.DemoAccess;
import io.gridpbx.core.access.Impersonation;
import io.gridpbx.core.access.InMemoryAccess;
import io.gridpbx.core.access.SignIn;
import io.gridpbx.core.alerts.Alerts;
import io.gridpbx.core.alerts.InMemoryAlertBoard;
import io.gridpbx.core.alerts.InMemoryNodeRoster;
import io.gridpbx.core.dns.DnsZones;
import io.gridpbx.core.dns.ZoneRecord;
import io.gridpbx.core.features.ConfigPresenceRules;
import io.gridpbx.core.features.FeatureConfig;
import io.gridpbx.core.features.InMemoryConfigStore;
import io.gridpbx.core.features.NumberPorts;
import io.gridpbx.core.features.UserProfiles;
import io.gridpbx.core.location.InMemoryBindingStore;
import io.gridpbx.core.manage.BalanceAdmin;
import io.gridpbx.core.manage.CallRecords;
import io.gridpbx.core.manage.ClientAdmin;
import io.gridpbx.core.manage.InMemoryLogoStore;
import io.gridpbx.core.manage.InMemoryPictureStore;
import io.gridpbx.core.manage.Logos;
import io.gridpbx.core.manage.PresenceSettings;
import io.gridpbx.core.manage.RecordingBalances;
import io.gridpbx.core.manage.ResellerAdmin;
import io.gridpbx.core.manage.SelfCare;
import io.gridpbx.core.manage.UserAdmin;
import io.gridpbx.core.manage.Voicemails;
import io.gridpbx.core.presence.InMemoryCallStates;
import io.gridpbx.core.presence.InMemoryPublications;
import io.gridpbx.core.presence.InMemorySubscriptions;
import io.gridpbx.core.presence.NotifyCoalescer;
import io.gridpbx.core.presence.NotifySender;
import io.gridpbx.core.presence.PresenceServer;
import io.gridpbx.core.presence.SubscriptionRules;
import io.gridpbx.core.presence.xcap.InMemoryXcapStore;
import io.gridpbx.core.presence.xcap.XcapDocuments;
import io.gridpbx.core.provisioning.InMemoryPhoneStore;
import io.gridpbx.core.provisioning.PhoneProvisioning;
import io.gridpbx.core.provisioning.PhoneSecrets;
import io.gridpbx.core.provisioning.UnknownMacLimit;
import io.gridpbx.core.security.BanAdmin;
import io.gridpbx.core.security.LocalBanList;
import io.gridpbx.core.tenancy.DemoTenants;
import io.gridpbx.core.tenancy.InMemoryTenantDirectory;
import io.gridpbx.core.tenancy.SipPasswordSeal;
import io.gridpbx.core.tenancy.TenantProvisioning;
import io.gridpbx.core.trunking.DidAdmin;
import io.gridpbx.core.trunking.GatewayAdmin;
import io.gridpbx.core.trunking.InMemoryRegistrationBoard;
import io.gridpbx.core.trunking.InMemoryTrunkingStore;
import io.gridpbx.core.trunking.RouteAdmin;
import io.gridpbx.core.voicemail.InMemoryVoicemailStore;
import io.gridpbx.core.voicemail.Mailbox;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.stream.Collectors;

/**
 * The management services over in-memory stores, filled with the demo tenants and logins: what the
 * node's Spring context gives the views, without Spring or a grid. Fresh for each test.
 */
public final class UiFixture {

    public final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    public final InMemoryTenantDirectory directory = new InMemoryTenantDirectory();
    public final InMemoryBindingStore bindings = new InMemoryBindingStore(clock);
    public final InMemoryAccess access = new InMemoryAccess();
    public final InMemoryAccess.FastHasher hasher = new InMemoryAccess.FastHasher();
    public final ApiTokens tokens = new ApiTokens(access, access, clock);
    public final SignIn signIn = new SignIn(access, hasher, access, access, access, clock);
    public final Impersonation impersonation = new Impersonation(directory, access, clock);
    public final InMemoryLogoStore logoStore = new InMemoryLogoStore();
    public final RecordingBalances balanceStore = new RecordingBalances();
    public final BalanceAdmin balances = new BalanceAdmin(directory, balanceStore);
    public final ResellerAdmin resellers = new ResellerAdmin(directory, access, hasher, logoStore, balances);
    public final Logos logos = new Logos(resellers, logoStore);
    public final ClientAdmin clients = new ClientAdmin(directory, access, hasher, balances);
    public final InMemoryConfigStore configStore = new InMemoryConfigStore();
    public final InMemoryPictureStore pictures = new InMemoryPictureStore();
    public final InMemoryVoicemailStore voicemail = new InMemoryVoicemailStore();
    public final SipPasswordSeal seal = new SipPasswordSeal(new byte[32], new java.util.SplittableRandom(1));
    public final UserAdmin users = new UserAdmin(directory, bindings, access, hasher, new UserProfiles(configStore),
            pictures, voicemail, seal);
    public final Voicemails voicemails = new Voicemails(users, voicemail, clock);
    public final SelfCare selfCare = new SelfCare(directory, users, access, pictures);
    public final InMemorySubscriptions subscriptions = new InMemorySubscriptions(clock);
    public final ConfigPresenceRules presenceRules = new ConfigPresenceRules(configStore);
    public final XcapDocuments xcapDocuments = new XcapDocuments(new InMemoryXcapStore(), new java.util.SplittableRandom(2));
    /** The presence server as the portal reaches it; its NOTIFYs go nowhere and are answered 200. */
    public final PresenceServer presenceServer = new PresenceServer(directory, subscriptions,
            new InMemoryPublications(SubscriptionRules.DEFAULT, clock), new InMemoryCallStates(clock), bindings,
            user -> CompletableFuture.completedFuture(Mailbox.Count.NONE),
            (subscription, state, body) -> CompletableFuture.completedFuture(NotifySender.Result.DELIVERED),
            SubscriptionRules.DEFAULT, new NotifyCoalescer(new ScheduledThreadPoolExecutor(1)), clock,
            new java.util.SplittableRandom(3), presenceRules);
    public final PresenceSettings presence = new PresenceSettings(users, directory, presenceRules, subscriptions,
            xcapDocuments, presenceServer);
    public final InMemoryTrunkingStore trunking = new InMemoryTrunkingStore();
    /** How the gateways' registrations stand, as a test sets them (the nodes write them in the grid). */
    public final InMemoryRegistrationBoard registrations = new InMemoryRegistrationBoard();
    public final GatewayAdmin gateways = new GatewayAdmin(trunking, registrations);
    public final RouteAdmin routes = new RouteAdmin(trunking);
    public final DidAdmin dids = new DidAdmin(trunking, directory);
    /** The grid's calls now by cap key ({@code client:<domain>}); a key left out is one the grid did not count. */
    public final Map<String, Integer> callsNow = new ConcurrentHashMap<>();
    public final FeatureConfig config = new FeatureConfig(configStore, directory, keys -> keys.stream()
            .filter(callsNow::containsKey).collect(Collectors.toMap(key -> key, callsNow::get)));
    public final InMemoryPhoneStore phoneStore = new InMemoryPhoneStore(directory);
    public final PhoneProvisioning phones = new PhoneProvisioning(directory, phoneStore, configStore, access, seal,
            new UnknownMacLimit(10, java.time.Duration.ofMinutes(1), clock), java.time.Duration.ofMinutes(1),
            new PhoneSecrets(new java.util.SplittableRandom(2)), clock);
    public final InMemoryCalls calls = new InMemoryCalls();
    /** A hang-up ends the call at once, as the member that routed it would. */
    public final CallRecords callRecords = new CallRecords(calls, calls, io.gridpbx.core.media.MediaSessions.NONE,
            dialog -> {
                calls.ended(dialog.id());
                return java.util.concurrent.CompletableFuture.completedFuture(true);
            });
    public final NumberPorts numberPorts = new NumberPorts(configStore, access, clock);
    public final AdminSettings settings = AdminSettings.defaults();
    public final LocalBanList bans = new LocalBanList(clock, 1000);
    public final BanAdmin banAdmin = new BanAdmin(bans, new InMemoryAllowList(), access, clock);
    /** The zones of the platform and its clients, each with its SOA and one node's UDP SRV record. */
    public final DnsZones dnsZones = new DnsZones(zone -> zone.equals(DemoTenants.PLATFORM_DOMAIN)
            || directory.client(zone).isPresent()
            ? Optional.of(List.of(
                    new ZoneRecord(zone + ".", 5, "SOA", "sip-127-0-0-1-5060.gridpbx.test. hostmaster.gridpbx.test. 1 60 30 3600 5"),
                    new ZoneRecord("_sip._udp." + zone + ".", 5, "SRV", "10 100 5060 sip-127-0-0-1-5060.gridpbx.test.")))
            : Optional.empty(), directory, DemoTenants.PLATFORM_DOMAIN);

    public final InMemoryAlertBoard alertBoard = new InMemoryAlertBoard();
    public final InMemoryNodeRoster nodeRoster = new InMemoryNodeRoster();
    public final Alerts alerts = new Alerts(alertBoard, nodeRoster, access, clock);

    UiFixture() {
        DemoTenants.create(new TenantProvisioning(directory, seal));
        DemoAccess.create(access, hasher, tokens);
    }

    /** Every object a view may ask for by type. */
    List<Object> services() {
        return List.of(clock, directory, bindings, access, tokens, signIn, impersonation, resellers, clients, balances, users,
                selfCare, voicemails, logos, gateways, routes, dids, config, callRecords, numberPorts, settings,
                banAdmin, dnsZones, alerts, phones, presence);
    }

    public Actor actor(String email) {
        return signIn.authenticate(email, DemoAccess.PASSWORD);
    }
}
