package io.gridpbx.sip.overload;

/**
 * How much turning a request away would cost the work already done. A node sheds the cheapest
 * loss first: a request that starts an operation, then (only when far behind) one that finishes
 * an operation it already challenged, never one that ends or continues an established call.
 */
public enum Urgency {

    /** Starts an operation: an out-of-dialog request without credentials. Shed first. */
    NEW,

    /**
     * Answers this cluster's challenge (carries Authorization or Proxy-Authorization): shedding it
     * wastes the 401/407 already sent, so it passes until the backlog is critical.
     */
    FOLLOW_UP,

    /**
     * Never shed: ACK, CANCEL, BYE and every in-dialog request end or steer calls that already hold
     * resources, and an OPTIONS keepalive to the node costs less than its 503 would.
     */
    ESSENTIAL
}
