package io.gridpbx.core.features;

import io.gridpbx.core.access.Scope;
import java.util.Map;
import java.util.TreeMap;

/**
 * One configuration object: its kind, id, the scope that owns it, and its field values as checked
 * text (booleans as true/false, numbers in decimal).
 */
public record ConfigObject(ConfigKind kind, String id, Scope owner, Map<String, String> values) {

    public static final String SINGLE_ID = "settings";

    public ConfigObject {
        values = java.util.Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** The key under which the store files it: kind, owner and id. */
    public String key() {
        return key(kind, owner, id);
    }

    public static String key(ConfigKind kind, Scope owner, String id) {
        return kind.name() + "|" + owner + "|" + id;
    }

    /** Its name in lists: the value of its first field. */
    public String label() {
        return values.getOrDefault(kind.fields().getFirst().name(), id);
    }
}
