package io.gridpbx.core.presence.body;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One named {@code list} of a resource-lists document (RFC 4826 §3.2), flat: nested lists,
 * {@code external} and {@code entry-ref} elements are not kept (a parse refuses them).
 *
 * @param name unique among the document's lists; XCAP selects a list by it
 */
public record ResourceList(String name, @Nullable String displayName, List<Entry> entries) {

    public ResourceList {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a resource list has a name");
        }
        entries = List.copyOf(entries);
    }
}
