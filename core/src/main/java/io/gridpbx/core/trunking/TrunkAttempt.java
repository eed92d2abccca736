package io.gridpbx.core.trunking;

import org.jspecify.annotations.Nullable;

/**
 * One gateway a call to the PSTN tries, with the number as that carrier must receive it.
 *
 * @param number        the Request-URI user: the E.164 number after the gateway's strip and prefix
 * @param routingNumber a ported number's routing number, sent as {@code ;rn=} (RFC 4694); null otherwise
 * @param route         the route that chose the gateway; null for a ported number's forced gateway
 */
public record TrunkAttempt(Gateway gateway, String number, @Nullable String routingNumber,
        @Nullable OutboundRoute route) {

    /** The number as the gateway takes it: {@code strip} leading digits removed, then its prefix added. */
    static String rewrite(Gateway gateway, String e164) {
        String stripped = e164.substring(Math.min(gateway.stripDigits(), e164.length()));
        return (gateway.addPrefix() == null ? "" : gateway.addPrefix()) + stripped;
    }
}
