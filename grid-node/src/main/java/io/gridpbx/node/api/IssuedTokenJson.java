package io.gridpbx.node.api;

import io.gridpbx.core.access.ApiTokens;
import io.swagger.v3.oas.annotations.media.Schema;

/** A token just created: the only time its secret is shown. */
record IssuedTokenJson(
        TokenJson token,
        @Schema(description = "send as Authorization: Bearer <secret>; it cannot be shown again") String secret) {

    static IssuedTokenJson of(ApiTokens.Issued issued) {
        return new IssuedTokenJson(TokenJson.of(issued.token()), issued.secret());
    }
}
