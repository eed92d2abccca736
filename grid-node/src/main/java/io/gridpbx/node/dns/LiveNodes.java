package io.gridpbx.node.dns;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.replicatedmap.ReplicatedMap;
import io.gridpbx.node.grid.MapNames;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The members that answer SIP right now, as DNS publishes them. Each member puts its own
 * {@link SipNode} into a replicated map every second (the weight follows its load); the roster is
 * the entries of the members the cluster has now, so a member that dies is gone from it the moment
 * the cluster removes it (heartbeats, about five seconds), and its entry is deleted then.
 */
public final class LiveNodes implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveNodes.class);
    static final Duration PUBLISH_INTERVAL = Duration.ofSeconds(1);

    /**
     * The live nodes, in a stable order, and the zone serial: seconds since the epoch when their
     * addresses or ports last changed (weights alone do not change it).
     */
    public record Roster(List<SipNode> nodes, long serial) {

        public Roster {
            nodes = List.copyOf(nodes);
        }

        boolean sameEndpoints(List<SipNode> others) {
            if (nodes.size() != others.size()) {
                return false;
            }
            for (int i = 0; i < nodes.size(); i++) {
                if (!nodes.get(i).sameEndpoints(others.get(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    private final HazelcastInstance grid;
    private final ReplicatedMap<String, SipNode> cards;
    private final SipNode self;
    private final DoubleSupplier load;
    private final Clock clock;
    private final List<Consumer<Roster>> changes = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer;
    private final UUID membershipRegistration;
    private volatile Roster roster = new Roster(List.of(), 0);
    private volatile boolean withdrawn;

    /**
     * @param self this node, its weight replaced at each publication
     * @param load this process's share of the machine's CPU, 0 to 1 (negative when unknown)
     */
    public LiveNodes(HazelcastInstance grid, SipNode self, DoubleSupplier load, Clock clock) {
        this.grid = grid;
        this.cards = grid.getReplicatedMap(MapNames.DNS_NODES);
        this.self = self;
        this.load = load;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("dns-roster").daemon()
                .factory());
        this.membershipRegistration = grid.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                timer.execute(LiveNodes.this::refresh);
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                timer.execute(() -> {
                    cards.remove(event.getMember().getUuid().toString());
                    refresh();
                });
            }
        });
        publish();
        refresh();
        timer.scheduleWithFixedDelay(this::tick, PUBLISH_INTERVAL.toMillis(), PUBLISH_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    public Roster roster() {
        return roster;
    }

    /**
     * Takes this node out of every answer for good (it is draining): its card is deleted and never
     * published again, so every node's DNS stops naming it within a second.
     */
    public void withdraw() {
        withdrawn = true;
        timer.execute(() -> {
            cards.remove(localKey());
            refresh();
        });
    }

    /** Called on the roster's thread whenever the nodes' addresses or ports change. */
    public void onChange(Consumer<Roster> listener) {
        changes.add(listener);
    }

    /** The SRV weight of a node with this CPU load: 100 idle, 1 saturated; 100 when the load is unknown. */
    static int weight(double load) {
        if (load < 0 || Double.isNaN(load)) {
            return 100;
        }
        return (int) Math.max(1, Math.min(100, Math.round(100 * (1 - load))));
    }

    private void tick() {
        try {
            publish();
            refresh();
        } catch (RuntimeException e) {
            // A member shutting down or a split: the next tick tries again.
            LOG.debug("DNS roster not refreshed: {}", e.toString());
        }
    }

    private void publish() {
        if (withdrawn) {
            return;
        }
        cards.put(localKey(), self.withWeight(weight(load.getAsDouble())));
    }

    private String localKey() {
        return grid.getCluster().getLocalMember().getUuid().toString();
    }

    private void refresh() {
        Set<String> members = grid.getCluster().getMembers().stream().map(Member::getUuid).map(UUID::toString)
                .collect(Collectors.toSet());
        List<SipNode> nodes = cards.entrySet().stream().filter(e -> members.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .sorted(Comparator.comparing(SipNode::address).thenComparingInt(SipNode::sipPort))
                .toList();
        Roster before = roster;
        if (before.sameEndpoints(nodes)) {
            roster = new Roster(nodes, before.serial());
            return;
        }
        Roster after = new Roster(nodes, Math.max(before.serial() + 1, clock.millis() / 1000));
        roster = after;
        LOG.info("DNS: {} live node(s) {}, zone serial {}", nodes.size(),
                nodes.stream().map(n -> n.address() + ":" + n.sipPort()).toList(), after.serial());
        changes.forEach(listener -> listener.accept(after));
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            grid.getCluster().removeMembershipListener(membershipRegistration);
            cards.remove(localKey());
        } catch (RuntimeException e) {
            LOG.debug("DNS card not withdrawn: {}", e.toString());
        }
    }
}
