package io.gridpbx.core.presence.xcap;

import io.gridpbx.core.presence.body.Entry;
import java.util.List;
import java.util.Objects;

/**
 * A list URI of a user's rls-services document (RFC 4826 section 4) with the resources behind it, whether
 * they were listed inline or in one of the user's resource lists: what the RLS subscribes to on the
 * subscriber's behalf (RFC 4662).
 *
 * @param packages the event packages the service offers; empty for all
 */
public record ResolvedService(String uri, List<Entry> resources, List<String> packages) {

    public ResolvedService {
        Objects.requireNonNull(uri, "uri");
        resources = List.copyOf(resources);
        packages = List.copyOf(packages);
    }
}
