package io.gridpbx.sip;

/** A running SIP side of a node: listening on UDP and TCP until closed. */
public interface SipServer extends AutoCloseable {

    /** Counters an operator or a benchmark reads. */
    SipCounters counters();

    /** The rules that decide which sources this node refuses (bans, lockouts), and their counters. */
    io.gridpbx.core.security.EdgeGuard guard();

    @Override
    void close();
}
