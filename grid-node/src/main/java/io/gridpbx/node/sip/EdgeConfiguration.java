package io.gridpbx.node.sip;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import io.gridpbx.core.access.AuditEntry;
import io.gridpbx.core.access.AuditLog;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.security.AllowList;
import io.gridpbx.core.security.Ban;
import io.gridpbx.core.security.BanAdmin;
import io.gridpbx.core.security.EdgeGuard;
import io.gridpbx.core.security.EdgeThresholds;
import io.gridpbx.node.NodeIdentity;
import io.gridpbx.node.NodeProperties;
import io.gridpbx.node.grid.HazelcastAllowListStore;
import io.gridpbx.node.grid.HazelcastBanList;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SIP edge's defences on the grid: the cluster-wide ban list, the allow-list (this property, the
 * cluster's members as they come and go, and the administrator's edits), the guard the SIP server
 * consults, and the platform's service over them.
 */
@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeConfiguration.class);
    /** Most bans and lockouts a member mirrors: a spoofed flood must not grow the heap without end. */
    private static final int MAX_BANS = 100_000;

    @Bean(destroyMethod = "close")
    HazelcastBanList banList(HazelcastInstance grid, Clock clock) {
        return new HazelcastBanList(grid, clock, MAX_BANS);
    }

    @Bean
    HazelcastAllowListStore allowListStore(HazelcastInstance grid) {
        return new HazelcastAllowListStore(grid);
    }

    @Bean
    EdgeGuard edgeGuard(NodeProperties properties, NodeIdentity identity, HazelcastBanList bans, AuditLog audit,
            Clock clock, HazelcastInstance grid, HazelcastAllowListStore edited) {
        NodeProperties.Security security = properties.security();
        EdgeThresholds limits = new EdgeThresholds(security.floodRequests(), security.floodWindow(),
                security.guessesPerUser(), security.guessesPerSource(), security.guessWindow(), security.probes(),
                security.probeWindow(), security.banDuration(), MAX_BANS, security.blockedUserAgents());
        AllowList configured;
        try {
            configured = AllowList.parse(security.allowList());
        } catch (IllegalArgumentException bad) {
            throw new IllegalStateException("gridpbx.security.allow-list: " + bad.getMessage(), bad);
        }
        Scope platform = Scope.platform(properties.platformDomain());
        String actor = "sip-edge@" + identity.nodeId();
        EdgeGuard guard = new EdgeGuard(limits, bans, lockout -> audit(audit, new AuditEntry(lockout.since(), actor,
                lockout.user() == null ? "sip-ban" : "sip-lockout", platform, describe(lockout))), clock, identity.nodeId());
        List<String> self = List.of(properties.sip().host(), identity.advertisedHost());
        Runnable refresh = () -> guard.allow(configured.and(addresses(self, grid.getCluster().getMembers()))
                .and(savedList(edited)));
        refresh.run();
        edited.onChange(refresh);
        grid.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                refresh.run();
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                refresh.run();
            }
        });
        return guard;
    }

    @Bean
    BanAdmin banAdmin(HazelcastBanList bans, HazelcastAllowListStore allowList, AuditLog audit, Clock clock) {
        return new BanAdmin(bans, allowList, audit, clock);
    }

    /** The audit write is a grid call: off the SIP thread that decided the lockout. */
    private static void audit(AuditLog audit, AuditEntry entry) {
        CompletableFuture.runAsync(() -> audit.append(entry)).exceptionally(failed -> {
            LOG.warn("could not audit {}: {}", entry, failed.toString());
            return null;
        });
    }

    private static String describe(Ban ban) {
        return ban.user() == null
                ? ban.address() + " banned (" + ban.reason().name().toLowerCase(java.util.Locale.ROOT) + ")"
                : ban.address() + " locked out as " + ban.user();
    }

    /** The members' addresses (Hazelcast's and this node's SIP ones); a host name allows nothing. */
    private static AllowList addresses(List<String> self, java.util.Collection<Member> members) {
        List<String> hosts = new ArrayList<>(self);
        members.forEach(m -> hosts.add(m.getAddress().getHost()));
        List<String> literals = new ArrayList<>();
        for (String host : hosts) {
            try {
                AllowList.parse(List.of(host));
                literals.add(host);
            } catch (IllegalArgumentException name) {
                // not an address literal (a name or 0.0.0.0-like wildcard): nothing to allow by it
            }
        }
        return AllowList.parse(literals);
    }

    private static AllowList savedList(HazelcastAllowListStore edited) {
        try {
            return AllowList.parse(edited.entries());
        } catch (IllegalArgumentException unreadable) {
            LOG.warn("ignoring the saved SIP allow-list: {}", unreadable.getMessage());
            return AllowList.EMPTY;
        }
    }
}
