package io.gridpbx.core.media;

import io.gridpbx.core.media.sdp.SessionDescription;
import org.jspecify.annotations.Nullable;

/** When a client domain's calls go through the media relay. */
public enum NatPolicy {
    /** Every call: the platform anchors all media (recording, lawful intercept, hiding addresses). */
    ALWAYS,
    /** Only when the phone looks NATed ({@link NatDetection#behindNat}): the usual setting. */
    WHEN_NAT,
    /** Never: phones and gateways that reach each other directly. */
    NEVER;

    /**
     * Whether to relay a call's media, from the packet's source address (an IP literal), the host of
     * the phone's Contact URI and its description ({@code null} for an INVITE without SDP).
     */
    public boolean relays(String sourceAddress, String contactHost, @Nullable SessionDescription sdp) {
        return switch (this) {
            case ALWAYS -> true;
            case NEVER -> false;
            case WHEN_NAT -> NatDetection.behindNat(sourceAddress, contactHost, sdp);
        };
    }
}
