package io.gridpbx.node.api;

import io.gridpbx.core.access.AuditEntry;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One line of the audit trail. */
record AuditJson(
        Instant at,
        @Schema(description = "who acted: an email, or token:<id>") String actor,
        @Schema(description = "e.g. create-token, revoke-token, impersonate, sign-in") String action,
        @Schema(description = "the scope it acted at") String actingAs,
        String subject) {

    static AuditJson of(AuditEntry e) {
        return new AuditJson(e.at(), e.actor(), e.action(), e.actingAs().toString(), e.subject());
    }
}
