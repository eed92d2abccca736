package io.gridpbx.node.api;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A new token: only its label is chosen; it acts at the creating token's scope. */
record TokenRequest(@Schema(description = "1 to 100 characters, e.g. billing sync") @Nullable String label) {

    String labelOrBlank() {
        return label == null ? "" : label;
    }
}
