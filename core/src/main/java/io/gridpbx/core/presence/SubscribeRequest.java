package io.gridpbx.core.presence;

import io.gridpbx.core.dialog.DialogTarget;
import io.gridpbx.core.location.AddressOfRecord;
import org.jspecify.annotations.Nullable;

/**
 * An authenticated SUBSCRIBE, read off the wire (RFC 6665 section 4.1.2).
 *
 * @param toTag    the To tag: null for a new subscription, this server's tag for a refresh or unsubscribe
 * @param watcher  the authenticated user
 * @param resource the Request-URI's user
 * @param expires  the Expires header, or null
 * @param flow     where the request came from ({@code transport:host:port}), or null
 * @param eventList whether the watcher supports resource lists ({@code Supported: eventlist}, RFC 4662 section 4)
 */
public record SubscribeRequest(String callId, String watcherTag, @Nullable String toTag, EventHeader event,
        AddressOfRecord watcher, AddressOfRecord resource, DialogTarget watcherTarget, @Nullable String flow,
        @Nullable Integer expires, String nodeId, boolean eventList) {

    /** A SUBSCRIBE whose sender did not say it supports resource lists. */
    public SubscribeRequest(String callId, String watcherTag, @Nullable String toTag, EventHeader event,
            AddressOfRecord watcher, AddressOfRecord resource, DialogTarget watcherTarget, @Nullable String flow,
            @Nullable Integer expires, String nodeId) {
        this(callId, watcherTag, toTag, event, watcher, resource, watcherTarget, flow, expires, nodeId, false);
    }
}
