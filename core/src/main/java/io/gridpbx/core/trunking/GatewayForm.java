package io.gridpbx.core.trunking;

import org.jspecify.annotations.Nullable;

/**
 * A gateway as typed or posted; on an edit a blank password keeps the current one.
 *
 * @param register        whether the cluster keeps the account registered at the carrier
 * @param registerExpires the registration's lifetime in seconds; blank for {@value Gateway#DEFAULT_REGISTER_EXPIRES}
 */
public record GatewayForm(@Nullable String name, @Nullable String host, @Nullable String port,
        @Nullable String transport, @Nullable String username, @Nullable String password,
        @Nullable String stripDigits, @Nullable String addPrefix, boolean probing, boolean register,
        @Nullable String registerExpires) {

    /** A gateway form without registration. */
    public GatewayForm(@Nullable String name, @Nullable String host, @Nullable String port, @Nullable String transport,
            @Nullable String username, @Nullable String password, @Nullable String stripDigits,
            @Nullable String addPrefix, boolean probing) {
        this(name, host, port, transport, username, password, stripDigits, addPrefix, probing, false, null);
    }
}
