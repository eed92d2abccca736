package io.gridpbx.node.api;

import io.gridpbx.core.access.ApiToken;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** An API token as listed: never its secret. */
record TokenJson(
        @Schema(description = "public name, to revoke it") String id,
        String label,
        @Schema(description = "the scope it acts at, e.g. reseller:demo.gridpbx.test") String scope,
        String createdBy,
        Instant createdAt) {

    static TokenJson of(ApiToken t) {
        return new TokenJson(t.id(), t.label(), t.scope().toString(), t.createdBy(), t.createdAt());
    }
}
