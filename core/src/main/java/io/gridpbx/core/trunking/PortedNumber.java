package io.gridpbx.core.trunking;

import org.jspecify.annotations.Nullable;

/**
 * A number that left its original carrier (local number portability): calls to it are routed by its
 * routing number (RFC 4694 {@code rn}), or sent to one gateway whatever the routes say.
 *
 * @param number        E.164 digits
 * @param routingNumber the number the routes match instead, carried as {@code ;rn=} with {@code ;npdi}
 * @param gatewayId     the gateway every call to it takes
 */
public record PortedNumber(String number, @Nullable String routingNumber, @Nullable String gatewayId) {

    public PortedNumber {
        if (routingNumber == null && gatewayId == null) {
            throw new IllegalArgumentException("a ported number needs a routing number or a gateway");
        }
    }
}
