package io.gridpbx.node.grid;

import com.hazelcast.map.ExtendedMapEntry;
import io.gridpbx.core.location.BindingSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** How a binding set is written into its map entry, the same way on the primary and the backup. */
public final class BindingsEntry {

    /** The entry outlives its last contact a little, so a late refresh still finds its Call-ID and CSeq. */
    public static final java.time.Duration GRACE = java.time.Duration.ofSeconds(60);
    static final long GRACE_MILLIS = GRACE.toMillis();

    private BindingsEntry() {
    }

    /** Stores the set with a time-to-live just past its last expiry, or removes the entry when empty. */
    static void write(Map.Entry<String, BindingSet> entry, BindingSet set, long nowMillis) {
        if (set.isEmpty()) {
            entry.setValue(null);
            return;
        }
        long ttl = Math.max(1, set.lastExpiryMillis() - nowMillis + GRACE_MILLIS);
        ((ExtendedMapEntry<String, BindingSet>) entry).setValue(set, ttl, TimeUnit.MILLISECONDS);
    }
}
