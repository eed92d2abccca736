package io.gridpbx.node.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.gridpbx.core.manage.ResellerAdmin;
import io.gridpbx.core.tenancy.Reseller;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A reseller as the API shows it. */
record ResellerJson(
        String realm,
        String name,
        @Nullable String email,
        BigDecimal discountPercent,
        @Schema(description = "prepaid balance in the platform currency") BigDecimal balance,
        String language,
        @Schema(description = "how many clients it has; in lists only")
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer clients) {

    static ResellerJson of(Reseller r) {
        return of(r, null);
    }

    static ResellerJson of(ResellerAdmin.Row row) {
        return of(row.reseller(), row.clients());
    }

    private static ResellerJson of(Reseller r, @Nullable Integer clients) {
        return new ResellerJson(r.realm(), r.name(), r.email(), r.discountPercent(), Amounts.fromMicros(r.balanceMicros()),
                r.language(), clients);
    }
}
