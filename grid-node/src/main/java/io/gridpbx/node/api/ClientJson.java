package io.gridpbx.node.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.gridpbx.core.digest.DigestAlgorithm;
import io.gridpbx.core.manage.ClientAdmin;
import io.gridpbx.core.tenancy.Client;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A client as the API shows it. */
record ClientJson(
        String domain,
        String name,
        @Schema(description = "the realm of its reseller") String reseller,
        @Nullable String email,
        String language,
        int maxContactsPerUser,
        @Schema(description = "digest algorithms its 401/407 offer, SHA-256 first; empty: the platform's default")
        List<String> digestAlgorithms,
        @Schema(description = "when its calls' media go through the relay", allowableValues = {"always", "when-nat", "never"})
        String mediaRelay,
        @Schema(description = "how many users it has; in lists only")
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer users,
        @Schema(description = "its balance in the platform currency; in lists only (also at /api/v1/balances/{domain}),"
                + " absent when the balances did not answer in time")
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable BigDecimal balance) {

    static ClientJson of(Client c) {
        return of(c, null, null);
    }

    static ClientJson of(ClientAdmin.Row row) {
        return of(row.client(), row.users(), row.balanceMicros() == null ? null : Amounts.fromMicros(row.balanceMicros()));
    }

    private static ClientJson of(Client c, @Nullable Integer users, @Nullable BigDecimal balance) {
        return new ClientJson(c.domain(), c.name(), c.resellerRealm(), c.email(), c.language(), c.maxContactsPerUser(),
                c.digestAlgorithms().stream().map(DigestAlgorithm::token).toList(), c.mediaRelay().token(), users,
                balance);
    }
}
