package io.gridpbx.core.presence;

import io.gridpbx.core.location.AddressOfRecord;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Presence rules in a map: for tests, and for a presence server without a management plane (nobody sets rules). */
public final class InMemoryPresenceRules implements PresenceRulesStore {

    private final Map<AddressOfRecord, PresenceRules> rules = new ConcurrentHashMap<>();

    @Override
    public PresenceRules rulesOf(AddressOfRecord user) {
        return rules.getOrDefault(user, PresenceRules.NONE);
    }

    @Override
    public void save(AddressOfRecord user, PresenceRules changed) {
        rules.put(user, changed);
    }
}
