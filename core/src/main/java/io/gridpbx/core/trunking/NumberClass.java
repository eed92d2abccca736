package io.gridpbx.core.trunking;

/** What kind of number a call to the PSTN reaches, which a user profile may allow or not. */
public enum NumberClass {
    /** The caller's own area: within its country and area code. */
    LOCAL,
    /** Elsewhere in the caller's country. */
    NATIONAL,
    /** Another country. */
    INTERNATIONAL,
    /** A number the caller pays a premium for (900, 976 in North America). */
    PREMIUM,
    /** A number the callee pays for (800 and its kin). */
    TOLL_FREE,
    /** Police, fire, ambulance: always allowed, whatever a profile or balance says. */
    EMERGENCY
}
