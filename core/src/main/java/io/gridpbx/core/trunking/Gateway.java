package io.gridpbx.core.trunking;

import org.jspecify.annotations.Nullable;

/**
 * A SIP trunk of the platform: where calls to the PSTN leave.
 *
 * @param username        the account the carrier challenges for; null when the carrier trusts our address
 * @param password        kept because a carrier's realm is only known from its challenge (HA1 needs it)
 * @param stripDigits     leading digits removed from the dialled number before sending
 * @param addPrefix       digits put in front after stripping (a carrier's tech prefix)
 * @param probing         whether the node sends OPTIONS to take a dead gateway out of routes
 * @param register        whether one node of the cluster keeps this account registered at the carrier (RFC 3261
 *                        section 10), so that the carrier sends the account's calls to that node
 * @param registerExpires the registration's lifetime asked of the carrier, in seconds
 */
public record Gateway(String id, String name, String host, int port, Transport transport, @Nullable String username,
        @Nullable String password, int stripDigits, @Nullable String addPrefix, boolean probing, boolean register,
        int registerExpires) {

    public enum Transport { UDP, TCP, TLS }

    /** The lifetime asked of a carrier unless the platform says otherwise: ten minutes. */
    public static final int DEFAULT_REGISTER_EXPIRES = 600;
    public static final int MIN_REGISTER_EXPIRES = 60;
    public static final int MAX_REGISTER_EXPIRES = 3600;

    public Gateway {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1 to 65535");
        }
        if (stripDigits < 0 || stripDigits > 10) {
            throw new IllegalArgumentException("strip digits must be 0 to 10");
        }
        if (registerExpires < MIN_REGISTER_EXPIRES || registerExpires > MAX_REGISTER_EXPIRES) {
            throw new IllegalArgumentException("registration expiry must be 60 to 3600 seconds");
        }
        if (register && (username == null || password == null)) {
            throw new IllegalArgumentException("a registration needs a username and a password");
        }
    }

    /** A gateway that registers nowhere (as every gateway was before registrations). */
    public Gateway(String id, String name, String host, int port, Transport transport, @Nullable String username,
            @Nullable String password, int stripDigits, @Nullable String addPrefix, boolean probing) {
        this(id, name, host, port, transport, username, password, stripDigits, addPrefix, probing, false,
                DEFAULT_REGISTER_EXPIRES);
    }

    /**
     * Whether a registration made for {@code other} is still right for this gateway: same carrier,
     * transport, account and expiry. A change of name or digits keeps it; any of these starts anew.
     */
    public boolean registersAs(Gateway other) {
        return host.equals(other.host) && port == other.port && transport == other.transport
                && java.util.Objects.equals(username, other.username) && java.util.Objects.equals(password, other.password)
                && registerExpires == other.registerExpires;
    }
}
