package io.gridpbx.core.dialog;

/** Which way a call crossed the platform's edge. */
public enum Direction {
    /** Between users of the platform. */
    INTERNAL,
    /** A user's call to the PSTN, through a carrier. */
    OUTBOUND,
    /** A carrier's call to one of our numbers. */
    INBOUND
}
