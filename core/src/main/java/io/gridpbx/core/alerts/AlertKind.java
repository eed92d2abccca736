package io.gridpbx.core.alerts;

import java.util.Locale;

/**
 * What an alert is about. Each kind is decided either once for the whole cluster (by its oldest
 * member) or by each node for itself; its subject says which node, gateway or client.
 */
public enum AlertKind {

    /** A member the cluster had is gone; subject: its member address. Cleared when a member returns there. */
    NODE_LEFT(Severity.CRITICAL, Scope.CLUSTER),
    /**
     * A SIP trunk stopped answering its probes; subject: the gateway id. Raised by the trunking work, through
     * an {@link AlertSignal} of this kind (a bean of the node is evaluated with the others).
     */
    GATEWAY_DOWN(Severity.CRITICAL, Scope.CLUSTER),
    /** This node's write-behind backlog is over its threshold; subject: the node. */
    WRITE_BEHIND_BACKLOG(Severity.WARNING, Scope.NODE),
    /** This node cannot reach the database; subject: the node. */
    DATABASE_UNREACHABLE(Severity.CRITICAL, Scope.NODE),
    /** The registered addresses fell by more than the threshold within the window; subject: {@code cluster}. */
    REGISTRATION_DROP(Severity.CRITICAL, Scope.CLUSTER),
    /** A client placed more international calls in the last hour than allowed; subject: its domain. */
    INTERNATIONAL_CALLS(Severity.WARNING, Scope.CLUSTER);

    /** How urgent. */
    public enum Severity { WARNING, CRITICAL }

    /** Who decides: the cluster's oldest member, or each node for itself. */
    public enum Scope { CLUSTER, NODE }

    private final Severity severity;
    private final Scope scope;

    AlertKind(Severity severity, Scope scope) {
        this.severity = severity;
        this.scope = scope;
    }

    public Severity severity() {
        return severity;
    }

    public Scope scope() {
        return scope;
    }

    /** The kind as alert ids, metrics and webhooks spell it: {@code node-left}, {@code write-behind-backlog}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind of a {@link #key()}. */
    public static AlertKind ofKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
