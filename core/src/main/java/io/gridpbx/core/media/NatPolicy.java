package io.gridpbx.core.media;

import io.gridpbx.core.media.sdp.SessionDescription;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** When a client domain's calls go through the media relay. */
public enum NatPolicy {
    /** Every call: the platform anchors all media (recording, lawful intercept, hiding addresses). */
    ALWAYS,
    /** Only when the phone looks NATed ({@link NatDetection#behindNat}): the usual setting. */
    WHEN_NAT,
    /** Never: phones and gateways that reach each other directly. */
    NEVER;

    /** The policy's name in the API and the forms: {@code always}, {@code when-nat} or {@code never}. */
    public String token() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses a policy named by an admin or read back from storage: its {@link #token} or its enum
     * name, in any case ({@code when-nat}, {@code WHEN_NAT}); blank or unknown is empty.
     */
    public static Optional<NatPolicy> named(String name) {
        String normalized = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (NatPolicy policy : values()) {
            if (policy.name().equals(normalized)) {
                return Optional.of(policy);
            }
        }
        return Optional.empty();
    }

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
