package io.gridpbx.core.trunking;

import org.jspecify.annotations.Nullable;

/**
 * A SIP trunk of the platform: where calls to the PSTN leave.
 *
 * @param username    the account the carrier challenges for; null when the carrier trusts our address
 * @param password    kept because a carrier's realm is only known from its challenge (HA1 needs it)
 * @param stripDigits leading digits removed from the dialled number before sending
 * @param addPrefix   digits put in front after stripping (a carrier's tech prefix)
 * @param probing     whether the node sends OPTIONS to take a dead gateway out of routes
 */
public record Gateway(String id, String name, String host, int port, Transport transport, @Nullable String username,
        @Nullable String password, int stripDigits, @Nullable String addPrefix, boolean probing) {

    public enum Transport { UDP, TCP, TLS }

    public Gateway {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1 to 65535");
        }
        if (stripDigits < 0 || stripDigits > 10) {
            throw new IllegalArgumentException("strip digits must be 0 to 10");
        }
    }
}
