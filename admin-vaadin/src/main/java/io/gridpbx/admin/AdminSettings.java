package io.gridpbx.admin;

import java.time.ZoneId;
import java.util.Currency;

/**
 * What the screens need to know about the node that serves them, beyond the services.
 *
 * @param currency      the platform currency that balances are shown in
 * @param zone          the time zone that times are shown in
 * @param sipServerHost the address a softphone registers to (its outbound proxy)
 * @param sipPort       the SIP port of that address
 */
public record AdminSettings(Currency currency, ZoneId zone, String sipServerHost, int sipPort) {

    public static AdminSettings defaults() {
        return new AdminSettings(Currency.getInstance("EUR"), ZoneId.of("UTC"), "127.0.0.1", 5060);
    }
}
