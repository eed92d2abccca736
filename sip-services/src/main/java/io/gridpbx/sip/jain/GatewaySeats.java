package io.gridpbx.sip.jain;

import io.gridpbx.core.limits.CallLimit;
import io.gridpbx.core.limits.CallLimitRules;
import io.gridpbx.core.limits.CallSlots;
import java.util.OptionalInt;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * The gateways' caps of concurrent calls, as a call meets them: a seat is taken where the gateway's
 * counter lives before the call is sent to a capped gateway, and given back when the call leaves it
 * (fails over) or ends (with the call's other slots).
 */
final class GatewaySeats {

    private final CallSlots slots;
    private final CallLimitRules.Caps caps;
    private final String nodeId;

    GatewaySeats(CallSlots slots, CallLimitRules.Caps caps, String nodeId) {
        this.slots = slots;
        this.caps = caps;
        this.nodeId = nodeId;
    }

    /** Takes a seat of the gateway for the call; null when the gateway is not capped (nothing to take). */
    @Nullable CompletionStage<Boolean> take(String callId, String gatewayId) {
        OptionalInt max = caps.ofGateway(gatewayId);
        return max.isEmpty() ? null : slots.take(callId, CallLimit.ofGateway(gatewayId, max.getAsInt()), nodeId);
    }

    /** The call left the gateway: its seat goes back, if it held one. */
    void release(String callId, String gatewayId) {
        if (caps.ofGateway(gatewayId).isPresent()) {
            slots.release(callId, CallLimit.gatewayKey(gatewayId));
        }
    }
}
