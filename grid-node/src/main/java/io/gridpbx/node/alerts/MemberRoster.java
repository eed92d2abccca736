package io.gridpbx.node.alerts;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import io.gridpbx.core.alerts.AlertKind;
import io.gridpbx.core.alerts.AlertSignal;
import io.gridpbx.core.alerts.Condition;
import io.gridpbx.node.grid.MemberAddresses;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * "A node left": every member writes its own address into a grid map when it starts (and again at each
 * of its evaluations, in case a split lost it), and withdraws it when it stops on purpose; an address
 * in the map with no member behind it is a node that left without saying so (a crash, a kill, a cut
 * cable). Its alert clears when a member is back at that address. The map lives in the grid, so the
 * next oldest member knows the dead one even if the dead one was the evaluator.
 */
final class MemberRoster implements AlertSignal {

    private final HazelcastInstance grid;
    private final MemberAddresses known;
    private final Clock clock;

    MemberRoster(HazelcastInstance grid, Clock clock) {
        this.grid = grid;
        this.known = new MemberAddresses(grid);
        this.clock = clock;
    }

    /** A member's address as alerts name it: {@code host:port}. */
    static String address(Member member) {
        return member.getAddress().getHost() + ":" + member.getAddress().getPort();
    }

    String self() {
        return address(grid.getCluster().getLocalMember());
    }

    /** Puts this member on the roster (idempotent). */
    void join() {
        known.add(self(), clock.millis());
    }

    /** Takes this member off the roster: a planned stop is no node lost. */
    void leave() {
        known.remove(self());
    }

    /** Whether an address is a member now or one the cluster still misses (not forgotten). */
    boolean knows(String address) {
        return known.all().containsKey(address) || grid.getCluster().getMembers().stream()
                .anyMatch(member -> address(member).equals(address));
    }

    @Override
    public Set<AlertKind> kinds() {
        return Set.of(AlertKind.NODE_LEFT);
    }

    @Override
    public List<Condition> conditions() {
        Set<String> present = grid.getCluster().getMembers().stream().map(MemberRoster::address)
                .collect(Collectors.toSet());
        return known.all().entrySet().stream().filter(entry -> !present.contains(entry.getKey()))
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(entry -> new Condition(AlertKind.NODE_LEFT, entry.getKey(), "member " + entry.getKey()
                        + " left the cluster without stopping (member since " + Instant.ofEpochMilli(entry.getValue())
                        + "); " + present.size() + " member(s) remain", present.size()))
                .toList();
    }
}
