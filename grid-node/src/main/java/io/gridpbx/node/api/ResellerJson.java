package io.gridpbx.node.api;

import io.gridpbx.core.manage.ResellerAdmin;
import io.gridpbx.core.tenancy.Reseller;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A reseller as the API shows it, with its balance as the balances hold it. */
record ResellerJson(
        String realm,
        String name,
        @Nullable String email,
        BigDecimal discountPercent,
        @Schema(description = "its balance in the platform currency (changed by /api/v1/balances/{realm}/top-ups);"
                + " null in a list when the balances did not answer in time") @Nullable BigDecimal balance,
        String language,
        @Schema(description = "how many clients it has") int clients) {

    static ResellerJson of(ResellerAdmin.Row row) {
        Reseller r = row.reseller();
        return new ResellerJson(r.realm(), r.name(), r.email(), r.discountPercent(),
                row.balanceMicros() == null ? null : Amounts.fromMicros(row.balanceMicros()), r.language(), row.clients());
    }
}
