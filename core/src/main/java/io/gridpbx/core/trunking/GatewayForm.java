package io.gridpbx.core.trunking;

import org.jspecify.annotations.Nullable;

/** A gateway as typed or posted; on an edit a blank password keeps the current one. */
public record GatewayForm(@Nullable String name, @Nullable String host, @Nullable String port,
        @Nullable String transport, @Nullable String username, @Nullable String password,
        @Nullable String stripDigits, @Nullable String addPrefix, boolean probing) {
}
