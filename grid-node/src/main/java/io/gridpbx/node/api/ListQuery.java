package io.gridpbx.node.api;

import io.swagger.v3.oas.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * The query parameters of every list: where the page starts, how long it is and what to search for.
 * A limit outside 1 to 500 is a validation error from the core's {@code Page}.
 */
record ListQuery(
        @Parameter(description = "index of the first item, from 0") @Nullable Integer offset,
        @Parameter(description = "page size, 1 to 500; 50 when absent") @Nullable Integer limit,
        @Parameter(description = "search text, matched against names and addresses") @Nullable String q) {

    static final int DEFAULT_LIMIT = 50;

    int first() {
        return offset == null ? 0 : offset;
    }

    int size() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }

    String search() {
        return q == null ? "" : q;
    }
}
