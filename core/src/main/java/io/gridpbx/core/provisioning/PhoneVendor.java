package io.gridpbx.core.provisioning;

import java.util.Locale;
import java.util.Optional;

/** The desk phone families served, by the name a {@code PROVISIONING_TEMPLATE} gives its vendor. */
public enum PhoneVendor {
    YEALINK, POLYCOM, GRANDSTREAM, CISCO, SNOM;

    /** The vendor's name in templates and User-Agents, lower case. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PhoneVendor> byId(String id) {
        for (PhoneVendor vendor : values()) {
            if (vendor.id().equalsIgnoreCase(id)) {
                return Optional.of(vendor);
            }
        }
        return Optional.empty();
    }

    /** The vendor a User-Agent names ({@code Yealink SIP-T46U}, {@code PolycomVVX-VVX_411-UA/...}), if any. */
    public static Optional<PhoneVendor> inUserAgent(String userAgent) {
        String lower = userAgent.toLowerCase(Locale.ROOT);
        for (PhoneVendor vendor : values()) {
            if (lower.contains(vendor.id())) {
                return Optional.of(vendor);
            }
        }
        return Optional.empty();
    }
}
