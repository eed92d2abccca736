package io.gridpbx.node.api;

import io.gridpbx.core.access.Actor;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Locale;

/** Who the token acts as. */
record MeJson(
        @Schema(description = "token:<id> for an API token") String actor,
        @Schema(description = "platform, reseller, client or user") String level,
        @Schema(description = "the platform domain, reseller realm, client domain or user's extension@domain") String tenant) {

    static MeJson of(Actor actor) {
        return new MeJson(actor.email(), actor.scope().level().name().toLowerCase(Locale.ROOT), actor.scope().tenant());
    }
}
