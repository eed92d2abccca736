package io.gridpbx.core.access;

import java.util.List;

/** The append-only audit trail of the management plane. */
public interface AuditLog {

    void append(AuditEntry entry);

    /** The newest entries whose acting scope lies inside {@code within}, newest first. */
    List<AuditEntry> recent(Scope within, int limit);
}
