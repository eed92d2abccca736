package io.gridpbx.node.api;

import io.gridpbx.core.trunking.GatewayForm;
import org.jspecify.annotations.Nullable;

/** A gateway as posted; numbers may come as JSON numbers or strings, the service checks them. */
record GatewayRequest(@Nullable String name, @Nullable String host, @Nullable String port, @Nullable String transport,
        @Nullable String username, @Nullable String password, @Nullable String stripDigits,
        @Nullable String addPrefix, @Nullable Boolean probing, @Nullable Boolean register,
        @Nullable String registerExpires) {

    GatewayForm toForm() {
        return new GatewayForm(name, host, port, transport, username, password, stripDigits, addPrefix,
                probing == null || probing, register != null && register, registerExpires);
    }
}
