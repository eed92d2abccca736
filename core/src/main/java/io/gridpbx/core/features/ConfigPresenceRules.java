package io.gridpbx.core.features;

import io.gridpbx.core.access.Scope;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.presence.PresenceRules;
import io.gridpbx.core.presence.PresenceRulesStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Users' presence rules as {@link ConfigKind#PRESENCE_RULES} objects, the way the management plane keeps a
 * user's other settings: in the near-cached configuration map, so the presence server's read on every
 * SUBSCRIBE is local, and written behind with the other configuration objects.
 */
public final class ConfigPresenceRules implements PresenceRulesStore {

    private static final String BLOCKED = "blocked";
    private static final String ALLOWED = "allowed";

    private final ConfigStore store;

    public ConfigPresenceRules(ConfigStore store) {
        this.store = store;
    }

    @Override
    public PresenceRules rulesOf(AddressOfRecord user) {
        return store.find(key(user))
                .map(object -> PresenceRules.of(addresses(object.values().get(BLOCKED)),
                        addresses(object.values().get(ALLOWED))))
                .orElse(PresenceRules.NONE);
    }

    @Override
    public void save(AddressOfRecord user, PresenceRules rules) {
        if (rules.equals(PresenceRules.NONE)) {
            store.delete(key(user));
            return;
        }
        store.save(new ConfigObject(ConfigKind.PRESENCE_RULES, ConfigObject.SINGLE_ID, Scope.user(user),
                Map.of(BLOCKED, text(rules.blocked()), ALLOWED, text(rules.allowed()))));
    }

    private static String key(AddressOfRecord user) {
        return ConfigObject.key(ConfigKind.PRESENCE_RULES, Scope.user(user), ConfigObject.SINGLE_ID);
    }

    private static String text(SortedSet<AddressOfRecord> addresses) {
        return addresses.stream().map(AddressOfRecord::toString).collect(Collectors.joining(","));
    }

    /** Stored by {@link #save}; anything else a hand-edited row holds is skipped rather than refusing every SUBSCRIBE. */
    private static List<AddressOfRecord> addresses(@Nullable String text) {
        List<AddressOfRecord> addresses = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return addresses;
        }
        Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(s -> {
            try {
                addresses.add(AddressOfRecord.parse(s));
            } catch (IllegalArgumentException skipped) {
                // not an address: nothing to match a watcher against
            }
        });
        return addresses;
    }
}
