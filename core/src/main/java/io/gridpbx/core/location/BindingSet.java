package io.gridpbx.core.location;

import java.util.Comparator;
import java.util.List;

/** All contacts bound to one address of record, the value kept in the grid under the AOR. */
public record BindingSet(List<Binding> bindings) {

    public static final BindingSet EMPTY = new BindingSet(List.of());

    /** Highest q first, then the most recently refreshed: the order a proxy tries contacts in. */
    public static final Comparator<Binding> PREFERENCE = Comparator.comparingInt(Binding::qMillis).reversed()
            .thenComparing(Comparator.comparingLong(Binding::updatedAtMillis).reversed());

    public BindingSet {
        bindings = List.copyOf(bindings);
    }

    public List<Binding> liveAt(long nowMillis) {
        return bindings.stream().filter(b -> b.isLiveAt(nowMillis)).sorted(PREFERENCE).toList();
    }

    /** The latest expiry among the bindings, or 0 when there are none. */
    public long lastExpiryMillis() {
        return bindings.stream().mapToLong(Binding::expiresAtMillis).max().orElse(0);
    }

    public boolean isEmpty() {
        return bindings.isEmpty();
    }
}
