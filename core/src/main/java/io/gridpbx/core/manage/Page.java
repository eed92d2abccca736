package io.gridpbx.core.manage;

import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/** One page of a sorted list, with the size of the whole list. */
public record Page<T>(List<T> items, int offset, int limit, long total) {

    public static final int MAX_LIMIT = 500;

    public static <T> Page<T> of(List<T> all, Predicate<T> filter, Comparator<T> order, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException(FieldError.of("limit", "page.range",
                    "offset must be 0 or more and limit between 1 and " + MAX_LIMIT));
        }
        List<T> matching = all.stream().filter(filter).sorted(order).toList();
        int from = Math.min(offset, matching.size());
        int to = Math.min(matching.size(), from + limit);
        return new Page<>(matching.subList(from, to), offset, limit, matching.size());
    }
}
