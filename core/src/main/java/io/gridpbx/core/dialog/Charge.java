package io.gridpbx.core.dialog;

import org.jspecify.annotations.Nullable;

/**
 * What a call cost: the client's charge, and what its reseller owes the platform for it (the client's
 * charge less the reseller's discount).
 *
 * @param ratePrefix the prefix of the rate applied; null for a call no rate applies to
 */
public record Charge(long clientMicros, long resellerMicros, @Nullable String ratePrefix) {

    public static final Charge NONE = new Charge(0, 0, null);
}
