package io.gridpbx.core.billing;

/**
 * How a reseller bills one of its clients: which of its billing profiles rates the client's calls,
 * and how far its balance may go.
 *
 * @param creditLimitMicros how far below zero a postpaid balance may go; ignored when prepaid
 */
public record BillingAccount(String clientDomain, String resellerRealm, String tariffName, BillingMode mode,
        long creditLimitMicros) {

    public BillingAccount {
        if (creditLimitMicros < 0) {
            throw new IllegalArgumentException("a credit limit cannot be negative");
        }
    }

    /** What calls may still spend from this balance: the balance when prepaid, the balance plus the credit otherwise. */
    public long funds(long balanceMicros) {
        return mode == BillingMode.PREPAID ? balanceMicros : balanceMicros + creditLimitMicros;
    }
}
