package io.gridpbx.node.web;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import io.gridpbx.core.dialog.DialogRegistry;
import io.gridpbx.core.location.BindingStore;
import io.gridpbx.core.security.EdgeGuard;
import io.gridpbx.media.relay.MediaRelayServer;
import io.gridpbx.media.relay.RelayTotals;
import io.gridpbx.node.NodeIdentity;
import io.gridpbx.node.drain.NodeDrain;
import io.gridpbx.node.grid.HazelcastSubscriptions;
import io.gridpbx.node.grid.WriteBehindBacklog;
import io.gridpbx.sip.SipCounters;
import io.gridpbx.sip.SipServer;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What an operator or a probe asks a node: who is in the cluster, how much state, how much traffic. */
@RestController
class NodeStatusController {

    private final HazelcastInstance grid;
    private final NodeIdentity identity;
    private final BindingStore bindings;
    private final DialogRegistry dialogs;
    private final SipServer sip;
    private final NodeDrain drain;
    private final @Nullable MediaRelayServer media;
    private final @Nullable HazelcastSubscriptions subscriptions;

    NodeStatusController(HazelcastInstance grid, NodeIdentity identity, BindingStore bindings,
            DialogRegistry dialogs, SipServer sip, NodeDrain drain, ObjectProvider<MediaRelayServer> media,
            ObjectProvider<HazelcastSubscriptions> subscriptions) {
        this.subscriptions = subscriptions.getIfAvailable();
        this.drain = drain;
        this.media = media.getIfAvailable();
        this.grid = grid;
        this.identity = identity;
        this.bindings = bindings;
        this.dialogs = dialogs;
        this.sip = sip;
    }

    /** The node's view of the cluster and its counters. */
    @GetMapping("/api/v1/node/status")
    Map<String, Object> status() {
        List<String> members = grid.getCluster().getMembers().stream()
                .map(Member::getAddress).map(Object::toString).toList();
        SipCounters c = sip.counters();
        EdgeGuard edge = sip.guard();
        WriteBehindBacklog writeBehind = new WriteBehindBacklog(grid);
        long clusterBacklog;
        try {
            clusterBacklog = writeBehind.clusterTotal();
        } catch (Exception e) {
            clusterBacklog = -1;
        }
        return Map.ofEntries(
                Map.entry("node", identity.nodeId()),
                Map.entry("drain", DrainController.json(drain.state())),
                Map.entry("clusterSize", members.size()),
                Map.entry("members", members),
                Map.entry("registeredAddresses", bindings.addressCount()),
                Map.entry("activeDialogs", dialogs.activeCount()),
                Map.entry("presence", Map.of("subscriptions", subscriptions == null ? 0 : subscriptions.mirrored(),
                        "notifies", c.notifies(), "notifiesDelivered", c.notifiesDelivered())),
                Map.entry("persistence", Map.of("backlog", writeBehind.local(), "clusterBacklog", clusterBacklog,
                        "synced", clusterBacklog == 0)),
                Map.entry("media", media == null ? Map.of("enabled", false) : media(media.totals())),
                Map.entry("sip", Map.of("requests", c.requests(), "registrations", c.registrations(),
                        "callsForwarded", c.callsForwarded(), "rejections", c.rejections(),
                        "failures", c.failures(), "inDialogRefused", c.inDialogRefused(),
                        "malformedDropped", c.malformedDropped(),
                        "retransmissionsAbsorbed", c.retransmissionsAbsorbed(), "overload", Map.of("shed", c.shed(),
                                "staleDrops", c.staleDrops(), "gridTimeouts", c.gridTimeouts(),
                                "admittedShare", Math.round(c.admittedShare() * 1000) / 1000.0))),
                Map.entry("security", Map.of("bansIssued", edge.bansIssued(), "lockouts", edge.lockouts(),
                        "dropped", edge.dropped())));
    }

    private static Map<String, Object> media(RelayTotals totals) {
        Map<String, Long> drops = new java.util.TreeMap<>();
        totals.drops().forEach((reason, count) -> drops.put(reason.name().toLowerCase(java.util.Locale.ROOT), count));
        return Map.of("enabled", true, "streams", totals.sessions(), "portsInUse", totals.portsInUse(),
                "legCapacity", totals.portCapacity(), "packetsRelayed", totals.packetsRelayed(),
                "bytesRelayed", totals.bytesRelayed(), "dropped", drops);
    }
}
