package io.gridpbx.node.api;

import io.gridpbx.core.access.Actor;
import io.gridpbx.core.access.AuditEntry;
import io.gridpbx.core.access.AuditLog;
import io.gridpbx.core.manage.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Comparator;
import java.util.Locale;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail inside the calling token's scope, newest first. */
@RestController
@Tag(name = "audit")
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/audit")
    @Operation(summary = "recent audit entries in scope, newest first; q and total cover the newest 500")
    PageJson<AuditJson> recent(Actor actor, @ParameterObject ListQuery query) {
        String needle = query.search().trim().toLowerCase(Locale.ROOT);
        return PageJson.of(Page.of(audit.recent(actor.scope(), Page.MAX_LIMIT), e -> matches(e, needle),
                Comparator.comparing(AuditEntry::at).reversed(), query.first(), query.size()), AuditJson::of);
    }

    private static boolean matches(AuditEntry e, String needle) {
        return needle.isEmpty() || e.action().contains(needle) || e.actor().toLowerCase(Locale.ROOT).contains(needle)
                || e.subject().toLowerCase(Locale.ROOT).contains(needle);
    }
}
