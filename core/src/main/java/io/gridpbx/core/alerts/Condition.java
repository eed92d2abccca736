package io.gridpbx.core.alerts;

/**
 * A condition that holds now: an alert of this kind and subject should be raised, or stay raised.
 *
 * @param subject the node, gateway or client concerned
 * @param detail  what was measured, for people ("backlog 12000 entries, threshold 10000")
 * @param figure  the measured figure (0 when none), kept with the alert so that a new evaluator can resume
 */
public record Condition(AlertKind kind, String subject, String detail, long figure) {

    public Condition {
        if (subject.isBlank()) {
            throw new IllegalArgumentException("an alert needs a subject");
        }
    }

    /** The alert's identity in the cluster: {@code node-left:127.0.0.2:5701}. */
    public String id() {
        return Alert.id(kind, subject);
    }
}
