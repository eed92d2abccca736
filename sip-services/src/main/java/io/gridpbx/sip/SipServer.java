package io.gridpbx.sip;

/** A running SIP side of a node: listening on UDP and TCP until closed. */
public interface SipServer extends AutoCloseable {

    /** Counters an operator or a benchmark reads. */
    SipCounters counters();

    /** The rules that decide which sources this node refuses (bans, lockouts), and their counters. */
    io.gridpbx.core.security.EdgeGuard guard();

    /**
     * Stops taking new work, for a graceful leave: requests outside a dialog (new calls,
     * registrations, subscriptions, keepalive OPTIONS to the node) are answered 503 with Retry-After,
     * which sends a phone to the next server of its SRV set (RFC 3263 section 4.3), while requests of
     * the dialogs in progress go on as before. There is no way back: a drained node leaves.
     */
    void drain();

    boolean draining();

    /**
     * Sends OPTIONS to a gateway; completes with the status of its final answer, or 408 when none came
     * within {@code patience}.
     */
    java.util.concurrent.CompletionStage<Integer> probe(io.gridpbx.core.trunking.Gateway gateway,
            java.time.Duration patience);

    /**
     * Sends a REGISTER of the gateway's account to its carrier, with this node as Contact (RFC 3261
     * section 10.2), answering a digest challenge with the gateway's credentials; {@code expires} 0
     * removes this node's binding. Completes with the final answer, 408 when none came within
     * {@code patience}.
     */
    java.util.concurrent.CompletionStage<io.gridpbx.core.trunking.RegisterOutcome> register(
            io.gridpbx.core.trunking.Gateway gateway, int expires, java.time.Duration patience);

    /** Sends the presence server's NOTIFYs from this node (any node may notify any subscription). */
    io.gridpbx.core.presence.NotifySender notifier();

    /**
     * From now on this node answers SUBSCRIBE and PUBLISH for the users it serves as their presence
     * server; until then they are relayed to the users' phones like any request.
     */
    void servePresence(io.gridpbx.core.presence.PresenceServer presence);

    /** INVITEs this node forwarded that have no final response yet: calls still setting up. */
    int callsSettingUp();

    /**
     * Ends a call whose media this node relays and which went silent: a BYE to each party, its CDR
     * with {@code disposition}, its relay ports given back. False when this node does not anchor that call.
     */
    boolean endRelayedCall(String callId, String disposition);

    /**
     * Ends an answered call this node routed (an admin hung it up): a BYE to each party, its record with
     * {@code disposition}. False when this node carries no such call (another member does, or none).
     */
    boolean endCall(String callId, String disposition);

    @Override
    void close();
}
