package io.gridpbx.core.trunking;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An outbound route as typed or posted.
 *
 * @param gatewayIds the gateways to try, in order
 * @param weights    empty to try the gateways in order; else one typed weight per gateway, 1 to 1000,
 *                   to share calls among them
 */
public record RouteForm(@Nullable String name, @Nullable String pattern, @Nullable String priority,
        List<String> gatewayIds, List<@Nullable String> weights) {

    /** A route whose gateways are tried in order. */
    public RouteForm(@Nullable String name, @Nullable String pattern, @Nullable String priority,
            List<String> gatewayIds) {
        this(name, pattern, priority, gatewayIds, List.of());
    }
}
