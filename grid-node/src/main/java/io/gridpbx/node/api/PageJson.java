package io.gridpbx.node.api;

import io.gridpbx.core.manage.Page;
import java.util.List;
import java.util.function.Function;

/** One page of a list as the API returns it, with the size of the whole (searched) list. */
record PageJson<T>(List<T> items, int offset, int limit, long total) {

    static <R, T> PageJson<T> of(Page<R> page, Function<R, T> toJson) {
        return new PageJson<>(page.items().stream().map(toJson).toList(), page.offset(), page.limit(), page.total());
    }
}
