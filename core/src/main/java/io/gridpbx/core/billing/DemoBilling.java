package io.gridpbx.core.billing;

import io.gridpbx.core.access.Scope;
import io.gridpbx.core.features.ConfigKind;
import io.gridpbx.core.features.FeatureConfig;
import java.util.Map;

/**
 * The demo reseller's billing profile the README documents: "retail", billed by 6 seconds after a
 * minimum of 30, 0.05 per answered call, with North America at 0.01 and the UK at 0.036 a minute. No
 * client is billed by it until its reseller creates a {@link ConfigKind#CLIENT_BILLING} for one, so the
 * demo's calls stay free and unlimited.
 */
public final class DemoBilling {

    public static final String PROFILE = "retail";

    private DemoBilling() {
    }

    public static void create(FeatureConfig config) {
        Scope demo = Scope.reseller("demo.gridpbx.test");
        config.create(demo, ConfigKind.BILLING_PROFILE, Map.of("name", PROFILE, "currency", "EUR",
                "incrementSeconds", "6", "minimumSeconds", "30", "connectionFee", "0.05"));
        config.create(demo, ConfigKind.RATE, Map.of("description", "North America", "billingProfile", PROFILE,
                "prefix", "1", "pricePerMinute", "0.01"));
        config.create(demo, ConfigKind.RATE, Map.of("description", "United Kingdom", "billingProfile", PROFILE,
                "prefix", "44", "pricePerMinute", "0.036"));
    }
}
