package io.gridpbx.core.features;

import io.gridpbx.core.limits.CallLimit;
import java.util.Optional;

/**
 * The caps of concurrent calls as configuration objects: a {@link ConfigKind#CLIENT_CALL_LIMIT} names
 * one of its reseller's clients, a {@link ConfigKind#RESELLER_CALL_LIMIT} one of the platform's
 * resellers (both checked by {@link TenantFields}), a {@link ConfigKind#GATEWAY_CALL_LIMIT} one of its
 * gateways by id; here, the key under which the grid counts a cap's calls.
 */
final class CallCaps {

    private CallCaps() {
    }

    /**
     * The key the grid counts a cap's calls under ({@link CallLimit#clientKey}, {@link CallLimit#resellerKey}),
     * empty for other objects.
     */
    static Optional<String> countKey(ConfigObject object) {
        if (!object.kind().capsCalls()) {
            return Optional.empty();
        }
        if (object.kind() == ConfigKind.GATEWAY_CALL_LIMIT) {
            return Optional.ofNullable(object.values().get("gateway")).map(String::strip).map(CallLimit::gatewayKey);
        }
        return TenantFields.tenant(object).map(tenant -> object.kind() == ConfigKind.CLIENT_CALL_LIMIT
                ? CallLimit.clientKey(tenant) : CallLimit.resellerKey(tenant));
    }
}
