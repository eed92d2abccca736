package io.gridpbx.node.grid;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridpbx.core.limits.Admission;
import io.gridpbx.core.limits.CallLimit;
import io.gridpbx.core.limits.CallSlots;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call slots in the grid. Each limit is one entry of {@code limits.slots} (its counted Call-IDs),
 * changed only by entry processors on its owner: admission is a check-and-increment there, one round
 * trip per limit. The call's holding in {@code limits.calls} is written first, so that whatever
 * happens next (a refusal, the call's end, its member's death) its slots are found and given back.
 */
public final class HazelcastCallSlots implements CallSlots {

    private static final Logger LOG = LoggerFactory.getLogger(HazelcastCallSlots.class);

    private final IMap<String, String[]> slots;
    private final IMap<String, CallHolding> calls;
    private final IMap<String, ?> dialogs;
    private final HazelcastInstance grid;
    private final Clock clock;
    private final GridDeadline deadline;
    private final boolean callsOutliveTheirMember;

    /** Slots for a cluster whose calls die with the member in their path (Record-Route names the node). */
    public HazelcastCallSlots(HazelcastInstance grid, Clock clock, GridDeadline deadline) {
        this(grid, clock, deadline, false);
    }

    /**
     * @param callsOutliveTheirMember whether a call goes on when the member that set it up dies (the nodes'
     *                                Record-Route names the cluster's domain): its slots then stay while
     *                                its dialog does, and go back with its BYE on a survivor
     */
    public HazelcastCallSlots(HazelcastInstance grid, Clock clock, GridDeadline deadline,
            boolean callsOutliveTheirMember) {
        this.callsOutliveTheirMember = callsOutliveTheirMember;
        this.grid = grid;
        this.slots = grid.getMap(MapNames.CALL_SLOTS);
        this.calls = grid.getMap(MapNames.CALL_HOLDINGS);
        this.dialogs = grid.getMap(MapNames.DIALOGS);
        this.clock = clock;
        this.deadline = deadline;
    }

    @Override
    public CompletionStage<Admission> admit(String callId, List<CallLimit> limits, String nodeId) {
        if (limits.isEmpty()) {
            return CompletableFuture.completedFuture(Admission.ADMITTED);
        }
        CallHolding holding = new CallHolding(limits.stream().map(CallLimit::key).toList(),
                grid.getCluster().getLocalMember().getUuid().toString(), clock.millis());
        return deadline.bound(calls.setAsync(callId, holding), "call holding", callId)
                .thenCompose(written -> take(callId, limits, 0));
    }

    private CompletionStage<Admission> take(String callId, List<CallLimit> limits, int next) {
        if (next == limits.size()) {
            return CompletableFuture.completedFuture(Admission.ADMITTED);
        }
        CallLimit limit = limits.get(next);
        return deadline.bound(slots.submitToKey(limit.key(), new SlotProcessors.Take(callId, limit.max())),
                "call slot", limit.key()).thenCompose(taken -> {
                    if (taken) {
                        return take(callId, limits, next + 1);
                    }
                    release(callId);
                    return CompletableFuture.completedFuture(new Admission.Refused(limit));
                });
    }

    @Override
    public void release(String callId) {
        calls.removeAsync(callId).thenAccept(holding -> {
            if (holding != null) {
                for (String key : holding.keys()) {
                    slots.submitToKey(key, new SlotProcessors.Release(callId));
                }
            }
        }).exceptionally(failure -> {
            LOG.debug("call {}: slots not given back now ({}); the reconciliation will", callId, failure.toString());
            return null;
        });
    }

    @Override
    public CompletionStage<Boolean> take(String callId, CallLimit limit, String nodeId) {
        String member = grid.getCluster().getLocalMember().getUuid().toString();
        return deadline.bound(calls.submitToKey(callId, new HoldingProcessors.AddKey(limit.key(), member, clock.millis())),
                        "call holding", callId)
                .thenCompose(held -> deadline.bound(slots.submitToKey(limit.key(),
                        new SlotProcessors.Take(callId, limit.max())), "call slot", limit.key()))
                .thenApply(taken -> {
                    if (!taken) {
                        calls.submitToKey(callId, new HoldingProcessors.RemoveKey(limit.key()));
                    }
                    return taken;
                });
    }

    @Override
    public void release(String callId, String key) {
        calls.submitToKey(callId, new HoldingProcessors.RemoveKey(key))
                .thenAccept(held -> slots.submitToKey(key, new SlotProcessors.Release(callId))).exceptionally(failure -> {
            LOG.debug("call {}: slot {} not given back now ({}); the reconciliation will", callId, key, failure.toString());
            return null;
        });
    }

    @Override
    public Map<String, Integer> counts(List<String> keys) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, String[]> held = slots.getAll(new HashSet<>(keys));
        for (String key : keys) {
            String[] calls = held.get(key);
            counts.put(key, calls == null ? 0 : calls.length);
        }
        return counts;
    }

    /**
     * Gives back the slots of the calls this member owns the holdings of that no longer run: their
     * member left the cluster (a {@code kill -9}: its calls cannot go on through it, unless calls outlive
     * their member and the call's dialog is still up), or they set up longer ago than {@code setup} and
     * have no dialog (a failure that no answer reported). Then drops slots whose call holds nothing.
     * Returns how many calls it released.
     */
    public int reconcile(Duration setup) {
        Set<String> members = new HashSet<>();
        for (Member member : grid.getCluster().getMembers()) {
            members.add(member.getUuid().toString());
        }
        Set<String> live = new HashSet<>();
        for (Object key : dialogs.keySet()) {
            String dialog = key.toString();
            int end = dialog.indexOf(';');
            live.add(end < 0 ? dialog : dialog.substring(0, end));
        }
        long now = clock.millis();
        List<String> gone = new ArrayList<>();
        for (String callId : calls.localKeySet()) {
            CallHolding holding = calls.get(callId);
            if (holding == null) {
                continue;
            }
            boolean dialogUp = live.contains(callId);
            boolean memberGone = !members.contains(holding.member()) && !(callsOutliveTheirMember && dialogUp);
            boolean stale = !dialogUp && now - holding.admittedAtMillis() > setup.toMillis();
            if (memberGone || stale) {
                gone.add(callId);
            }
        }
        gone.forEach(this::release);
        for (String key : slots.localKeySet()) {
            String[] counted = slots.get(key);
            if (counted == null) {
                continue;
            }
            for (String callId : counted) {
                if (!calls.containsKey(callId)) {
                    slots.submitToKey(key, new SlotProcessors.Release(callId));
                }
            }
        }
        return gone.size();
    }
}
