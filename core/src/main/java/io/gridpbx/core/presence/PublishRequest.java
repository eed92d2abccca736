package io.gridpbx.core.presence;

import io.gridpbx.core.presence.body.PresenceDocument;
import org.jspecify.annotations.Nullable;

/**
 * A PUBLISH for the {@code presence} package (RFC 3903 section 4.1), read off the wire.
 *
 * @param ifMatch  the SIP-If-Match header: the entity tag of the publication it refreshes, changes or
 *                 removes; null for an initial publication
 * @param document the PIDF body, or null for a refresh or removal
 * @param expires  the Expires header, or null
 */
public record PublishRequest(@Nullable String ifMatch, @Nullable PresenceDocument document, @Nullable Integer expires) {
}
