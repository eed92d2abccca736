package io.gridpbx.core.trunking;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An outbound route as typed or posted.
 *
 * @param gatewayIds the gateways to try, in order
 */
public record RouteForm(@Nullable String name, @Nullable String pattern, @Nullable String priority,
        List<String> gatewayIds) {
}
