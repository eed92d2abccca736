package io.gridpbx.core.billing;

/** Whether a client pays before its calls (its balance is the limit) or after (down to a credit limit). */
public enum BillingMode {
    PREPAID,
    POSTPAID
}
