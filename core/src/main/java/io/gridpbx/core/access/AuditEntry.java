package io.gridpbx.core.access;

import java.time.Instant;

/**
 * One line of the audit trail: who did what, acting at which scope, on which object.
 *
 * @param action e.g. {@code impersonate}, {@code leave}, {@code sign-in}, {@code reset-password}
 */
public record AuditEntry(Instant at, String actor, String action, Scope actingAs, String subject) {
}
