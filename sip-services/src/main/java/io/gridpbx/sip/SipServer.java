package io.gridpbx.sip;

/** A running SIP side of a node: listening on UDP and TCP until closed. */
public interface SipServer extends AutoCloseable {

    /** Counters an operator or a benchmark reads. */
    SipCounters counters();

    @Override
    void close();
}
