package io.gridpbx.core.tenancy;

import java.util.Locale;
import java.util.Optional;

/** When a client domain's calls go through the media relay. */
public enum NatPolicy {
    /** Every call: the platform anchors all media (recording, lawful intercept, hiding addresses). */
    ALWAYS,
    /** Only when the phone looks NATed ({@code io.gridpbx.core.media.NatDetection}): the usual setting. */
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

}
