package io.gridpbx.node.presence;

import com.hazelcast.core.HazelcastInstance;
import io.gridpbx.core.features.ConfigPresenceRules;
import io.gridpbx.core.features.ConfigStore;
import io.gridpbx.core.location.BindingStore;
import io.gridpbx.core.manage.PresenceSettings;
import io.gridpbx.core.manage.UserAdmin;
import io.gridpbx.core.presence.NotifyCoalescer;
import io.gridpbx.core.presence.PresenceRulesStore;
import io.gridpbx.core.presence.PresenceServer;
import io.gridpbx.core.presence.ResourceListDirectory;
import io.gridpbx.core.presence.SubscriptionRules;
import io.gridpbx.core.presence.xcap.XcapDocuments;
import io.gridpbx.core.tenancy.TenantDirectory;
import io.gridpbx.node.grid.GridDeadline;
import io.gridpbx.node.grid.HazelcastCallStates;
import io.gridpbx.node.grid.HazelcastMailboxCounts;
import io.gridpbx.node.grid.HazelcastPublications;
import io.gridpbx.node.grid.HazelcastSubscriptions;
import io.gridpbx.node.grid.PresenceFeeds;
import io.gridpbx.sip.SipServer;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The presence server (issue 12): its stores in the grid, the service, served by this node's SIP
 * server, and the local listeners that announce the changes of the entries this member owns.
 */
@Configuration(proxyBeanMethods = false)
class PresenceConfiguration {

    @Bean
    SubscriptionRules subscriptionRules() {
        return SubscriptionRules.DEFAULT;
    }

    /** Mirrors who watches whom on this member; blocks until the map is read. */
    @Bean(destroyMethod = "close")
    HazelcastSubscriptions presenceSubscriptions(HazelcastInstance grid, Clock clock, GridDeadline deadline) {
        return HazelcastSubscriptions.start(grid, clock, deadline);
    }

    @Bean
    HazelcastPublications presencePublications(HazelcastInstance grid, SubscriptionRules rules, Clock clock,
            GridDeadline deadline) {
        return new HazelcastPublications(grid, rules, clock, deadline);
    }

    @Bean
    HazelcastCallStates presenceCallStates(HazelcastInstance grid, Clock clock, GridDeadline deadline) {
        return new HazelcastCallStates(grid, clock, deadline);
    }

    @Bean
    HazelcastMailboxCounts mailboxCounts(HazelcastInstance grid, GridDeadline deadline) {
        return new HazelcastMailboxCounts(grid, deadline);
    }

    @Bean(destroyMethod = "close")
    NotifyTimer notifyTimer() {
        return new NotifyTimer();
    }

    /** Users' watcher rules, in the near-cached configuration map: every SUBSCRIBE reads them locally. */
    @Bean
    PresenceRulesStore presenceRules(ConfigStore store) {
        return new ConfigPresenceRules(store);
    }

    /** The portal's and API's face of a user's presence: its watchers, its rules, its busy-lamp list. */
    @Bean
    PresenceSettings presenceSettings(UserAdmin users, TenantDirectory directory, PresenceRulesStore presenceRules,
            HazelcastSubscriptions subscriptions, XcapDocuments documents, PresenceServer server) {
        return new PresenceSettings(users, directory, presenceRules, subscriptions, documents, server);
    }

    /** The service, served by this node's SIP server from now on. */
    @Bean
    PresenceServer presenceServer(TenantDirectory directory, HazelcastSubscriptions subscriptions,
            HazelcastPublications publications, HazelcastCallStates calls, BindingStore bindings,
            HazelcastMailboxCounts mailboxes, SipServer sip, SubscriptionRules rules,
            NotifyTimer timer, Clock clock, XcapDocuments documents, PresenceRulesStore presenceRules) {
        // The lists are read from the grid on the timer's thread, never on a SIP listener's.
        ResourceListDirectory lists = (owner, listUri) -> CompletableFuture.supplyAsync(
                () -> documents.listUris(owner).stream().filter(service -> service.uri().equalsIgnoreCase(listUri))
                        .findFirst(), timer.executor());
        PresenceServer server = new PresenceServer(directory, subscriptions, publications, calls, bindings, mailboxes,
                sip.notifier(), rules, new NotifyCoalescer(timer.executor()), clock, new SecureRandom(), lists,
                presenceRules);
        sip.servePresence(server);
        return server;
    }

    /** Announces the changes of this member's entries to the service. */
    @Bean(destroyMethod = "close")
    PresenceFeeds presenceFeeds(HazelcastInstance grid, HazelcastSubscriptions subscriptions, PresenceServer server,
            GridDeadline deadline, Clock clock) {
        return PresenceFeeds.start(grid, subscriptions, server, deadline, clock);
    }
}
