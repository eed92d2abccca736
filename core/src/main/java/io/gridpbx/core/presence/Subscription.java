package io.gridpbx.core.presence;

import io.gridpbx.core.dialog.DialogTarget;
import io.gridpbx.core.location.AddressOfRecord;
import org.jspecify.annotations.Nullable;

/**
 * One subscription this server accepted (RFC 6665 section 4.2.1): the dialog it lives in, as the
 * notifier (this cluster) sees it, the package and the resource watched, and what the next NOTIFY
 * needs. Any node can send that NOTIFY: everything a request in the dialog takes is here.
 *
 * @param callId          the SUBSCRIBE's Call-ID
 * @param watcherTag      the watcher's tag (the SUBSCRIBE's From tag)
 * @param ourTag          the tag this server gave the dialog (the 200's To tag)
 * @param event           the package
 * @param eventId         the Event header's {@code id}, or null
 * @param watcher         who watches (the authenticated user)
 * @param resource        what is watched: the Request-URI's user
 * @param watcherTarget   where NOTIFYs go: the watcher's Contact and the Record-Route beyond the cluster
 * @param flow            where the SUBSCRIBE came from ({@code transport:host:port}), to reach a watcher
 *                        behind NAT whose Contact is private; null to use the Contact
 * @param expiresAtMillis when the subscription ends unless refreshed
 * @param cseq            the CSeq of the last NOTIFY sent (the next one takes the one above)
 * @param version         the document version of the last NOTIFY (dialog-info, watcherinfo and RLMI count up)
 * @param nodeId          the node that took the SUBSCRIBE or its last refresh
 */
public record Subscription(String callId, String watcherTag, String ourTag, EventPackage event, @Nullable String eventId,
        AddressOfRecord watcher, AddressOfRecord resource, DialogTarget watcherTarget, @Nullable String flow,
        long expiresAtMillis, long cseq, long version, String nodeId) {

    /** The start of the tag this server gives a subscription to a resource list (RFC 4662), which tells it apart. */
    public static final String LIST_TAG_PREFIX = "pl";

    /** Whether this is a subscription to a resource list (its resource is the list's URI, not a user). */
    public boolean isList() {
        return ourTag.startsWith(LIST_TAG_PREFIX);
    }

    /** The key of the subscription in the grid: its dialog, its package and id (section 4.1.2). */
    public static String keyOf(String callId, String watcherTag, String ourTag, String eventType, @Nullable String eventId) {
        return callId + '|' + watcherTag + '|' + ourTag + '|' + eventType + '|' + (eventId == null ? "" : eventId);
    }

    public String key() {
        return keyOf(callId, watcherTag, ourTag, event.token(), eventId);
    }

    /** The Event header of its NOTIFYs. */
    public EventHeader eventHeader() {
        return new EventHeader(event.token(), eventId);
    }

    /** Seconds left at {@code nowMillis}, never negative (the Subscription-State's expires). */
    public long secondsLeftAt(long nowMillis) {
        return Math.max(0, (expiresAtMillis - nowMillis + 999) / 1000);
    }

    /** After a refresh: a new expiry, the refreshing node, and the watcher's Contact if it changed (a target refresh). */
    public Subscription refreshed(long expiresAt, String node, String watcherContact) {
        return new Subscription(callId, watcherTag, ourTag, event, eventId, watcher, resource,
                watcherTarget.withContact(watcherContact), flow, expiresAt, cseq, version, node);
    }

    /** The subscription with {@code number} as its NOTIFY's CSeq and document version (a counter the store keeps). */
    public Subscription notifying(long number) {
        return new Subscription(callId, watcherTag, ourTag, event, eventId, watcher, resource, watcherTarget, flow,
                expiresAtMillis, number, number, nodeId);
    }

    /** The subscription with its next NOTIFY's CSeq and document version taken. */
    public Subscription nextNotify() {
        return new Subscription(callId, watcherTag, ourTag, event, eventId, watcher, resource, watcherTarget, flow,
                expiresAtMillis, cseq + 1, version + 1, nodeId);
    }
}
