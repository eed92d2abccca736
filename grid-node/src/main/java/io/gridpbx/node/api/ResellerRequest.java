package io.gridpbx.node.api;

import io.gridpbx.core.manage.ResellerForm;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A reseller as posted (create) or put (replace); the realm is read on create only. */
record ResellerRequest(
        @Schema(description = "e.g. acme.gridpbx.test, or just acme") @Nullable String realm,
        @Nullable String name,
        @Schema(description = "the reseller admin's portal login") @Nullable String email,
        @Schema(description = "0 to 100; 0 when absent") @Nullable BigDecimal discountPercent,
        @Schema(description = "en or fr; en when absent") @Nullable String language,
        @Schema(description = "portal password: required on create, absent on replace keeps it") @Nullable String password,
        @Schema(description = "on create, the opening balance (its first top-up); refused on replace: top it up"
                + " at /api/v1/balances/{realm}/top-ups") @Nullable BigDecimal balance) {

    ResellerForm toForm() {
        return new ResellerForm(realm, name, email, Amounts.typed(discountPercent), language, password,
                Amounts.typed(balance));
    }
}
