package io.gridpbx.node.api;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A new token: its label, and optionally a scope below the caller's that it acts at (e.g.
 * {@code user:202@office.demo.gridpbx.test}); by default it acts at the caller's own scope.
 */
record TokenRequest(@Schema(description = "1 to 100 characters, e.g. billing sync") @Nullable String label,
        @Schema(description = "level:tenant below the caller, e.g. client:office.demo.gridpbx.test") @Nullable String scope) {

    String labelOrBlank() {
        return label == null ? "" : label;
    }
}
