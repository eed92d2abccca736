package io.gridpbx.node.api;

import io.gridpbx.core.access.Actor;
import io.gridpbx.core.manage.BalanceAdmin;
import io.gridpbx.core.manage.Numbers;
import io.gridpbx.core.tenancy.DomainName;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Currency;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The balances of resellers and clients: a scope reads its own and those below it; the platform tops up
 * its resellers, a reseller its own clients. Amounts are decimal strings, never binary floating point.
 */
@RestController
@RequestMapping("/api/v1/balances")
@Tag(name = "balances")
class BalanceController {

    private final BalanceAdmin balances;
    private final Currency currency;

    BalanceController(BalanceAdmin balances, @Value("${gridpbx.admin.currency:EUR}") String currency) {
        this.balances = balances;
        this.currency = Currency.getInstance(currency);
    }

    /** A tenant's balance. */
    record BalanceJson(@Schema(description = "a reseller's realm or a client's domain") String tenant,
            @Schema(type = "string", example = "12.50", description = "a decimal; negative when owed") String balance,
            @Schema(example = "EUR") String currency) {
    }

    /** A credit to a tenant's balance, or a correction when negative. */
    record TopUpRequest(@Schema(type = "string", example = "10.00", description = "a decimal, at most 6 places, not 0;"
            + " negative to correct") @Nullable String amount,
            @Schema(description = "for the audit trail, at most 200 characters", example = "wire 2026-118")
            @Nullable String note) {
    }

    @GetMapping("/{tenant}")
    @Operation(summary = "a reseller's or client's balance: its own or one below it (403 outside the token's scope)")
    BalanceJson get(Actor actor, @PathVariable String tenant) {
        return json(tenant, balances.balance(actor.scope(), tenant));
    }

    @PostMapping("/{tenant}/top-ups")
    @Operation(summary = "credit a balance: the platform its resellers', a reseller its own clients'; audited;"
            + " answers the new balance")
    BalanceJson topUp(Actor actor, @PathVariable String tenant, @RequestBody TopUpRequest request) {
        long after = balances.topUp(actor, tenant, request.amount(), request.note());
        return json(tenant, after);
    }

    private BalanceJson json(String tenant, long micros) {
        // The service has found the tenant by this name, so it is a domain name.
        return new BalanceJson(DomainName.normalize(tenant), Numbers.amount(micros), currency.getCurrencyCode());
    }
}
