package io.gridpbx.core.presence.body;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One {@code service} of an rls-services document (RFC 4826 §4.2): the URI a client subscribes to and
 * the resources behind it, either listed inline or referenced by an XCAP URI, never both.
 *
 * @param entries         the inline list, empty when the list is referenced
 * @param resourceListRef the {@code resource-list} element's content, an XCAP URI of a list
 * @param packages        the event packages the service offers; empty for all the RLS supports (§4.2)
 */
public record Service(String uri, List<Entry> entries, @Nullable String resourceListRef, List<String> packages) {

    public Service {
        Objects.requireNonNull(uri, "uri");
        if (uri.isBlank()) {
            throw new IllegalArgumentException("a service has a URI");
        }
        entries = List.copyOf(entries);
        packages = List.copyOf(packages);
        if (resourceListRef != null && !entries.isEmpty()) {
            throw new IllegalArgumentException("a service has an inline list or a resource-list, not both");
        }
        if (packages.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("an event package has a name");
        }
    }
}
