package io.gridpbx.core.limits;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The slots of one node's memory: a single node's counts, and the tests'. */
public final class InMemoryCallSlots implements CallSlots {

    private final Map<String, Set<String>> callsByKey = new HashMap<>();
    private final Map<String, List<String>> keysByCall = new HashMap<>();

    @Override
    public synchronized CompletionStage<Admission> admit(String callId, List<CallLimit> limits, String nodeId) {
        if (keysByCall.containsKey(callId)) {
            return CompletableFuture.completedFuture(Admission.ADMITTED);
        }
        for (CallLimit limit : limits) {
            if (callsByKey.getOrDefault(limit.key(), Set.of()).size() >= limit.max()) {
                return CompletableFuture.completedFuture(new Admission.Refused(limit));
            }
        }
        for (CallLimit limit : limits) {
            callsByKey.computeIfAbsent(limit.key(), k -> new LinkedHashSet<>()).add(callId);
        }
        keysByCall.put(callId, limits.stream().map(CallLimit::key).toList());
        return CompletableFuture.completedFuture(Admission.ADMITTED);
    }

    @Override
    public synchronized void release(String callId) {
        List<String> keys = keysByCall.remove(callId);
        if (keys != null) {
            keys.forEach(key -> callsByKey.getOrDefault(key, new LinkedHashSet<>()).remove(callId));
        }
    }

    @Override
    public synchronized CompletionStage<Boolean> take(String callId, CallLimit limit, String nodeId) {
        Set<String> counted = callsByKey.computeIfAbsent(limit.key(), k -> new LinkedHashSet<>());
        if (!counted.contains(callId) && counted.size() >= limit.max()) {
            return CompletableFuture.completedFuture(false);
        }
        counted.add(callId);
        List<String> keys = new java.util.ArrayList<>(keysByCall.getOrDefault(callId, List.of()));
        if (!keys.contains(limit.key())) {
            keys.add(limit.key());
        }
        keysByCall.put(callId, keys);
        return CompletableFuture.completedFuture(true);
    }

    @Override
    public synchronized void release(String callId, String key) {
        List<String> keys = keysByCall.get(callId);
        if (keys != null && keys.contains(key)) {
            List<String> fewer = new java.util.ArrayList<>(keys);
            fewer.remove(key);
            keysByCall.put(callId, fewer);
            callsByKey.getOrDefault(key, new LinkedHashSet<>()).remove(callId);
        }
    }

    @Override
    public synchronized Map<String, Integer> counts(List<String> keys) {
        Map<String, Integer> counts = new HashMap<>();
        keys.forEach(key -> counts.put(key, callsByKey.getOrDefault(key, Set.of()).size()));
        return counts;
    }
}
