package io.gridpbx.core.presence;

import io.gridpbx.core.presence.body.PresenceDocument;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One piece of presence a device published (RFC 3903 section 4): the state it gave, the entity tag
 * that names it for refreshes and changes, and when it runs out.
 *
 * @param etag            the SIP-ETag this server gave it
 * @param open            PIDF basic status
 * @param note            the note the device gave, or null
 * @param activities      RPID activities (RFC 4480), e.g. {@code away}, {@code on-the-phone}
 * @param publishedAtMillis when it was published or last changed (the newest wins)
 * @param expiresAtMillis when it runs out unless refreshed
 */
public record Publication(String etag, boolean open, @Nullable String note, List<String> activities,
        long publishedAtMillis, long expiresAtMillis) {

    public Publication {
        activities = List.copyOf(activities);
    }

    static Publication of(String etag, PresenceDocument document, long nowMillis, long expiresAtMillis) {
        return new Publication(etag, document.open(), document.note(), document.activities(), nowMillis, expiresAtMillis);
    }

    Publication refreshed(String newEtag, long expiresAt) {
        return new Publication(newEtag, open, note, activities, publishedAtMillis, expiresAt);
    }
}
