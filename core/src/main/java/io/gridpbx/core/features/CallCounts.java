package io.gridpbx.core.features;

import java.util.List;
import java.util.Map;

/**
 * How many calls the grid counts now against caps of concurrent calls, by the cap's key
 * ({@code client:office.example}, {@code reseller:example}), so that the admin sees how full each
 * {@link ConfigKind#CLIENT_CALL_LIMIT} and {@link ConfigKind#RESELLER_CALL_LIMIT} is. A node answers
 * from its call slots; a key it cannot answer for is left out.
 */
@FunctionalInterface
public interface CallCounts {

    /** Where no grid counts calls (tests, tools): every count is unknown. */
    CallCounts NONE = keys -> Map.of();

    Map<String, Integer> counts(List<String> keys);
}
