package io.gridpbx.core.billing;

import io.gridpbx.core.dialog.Cdr;
import io.gridpbx.core.dialog.Charge;
import io.gridpbx.core.tenancy.Reseller;
import io.gridpbx.core.tenancy.TenantDirectory;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Money on the call path: before a billed client's call to the PSTN, whether its funds let it go and
 * for how long; when the call's record closes, its rating and the debits of the client's and its
 * reseller's balances (each once per Call-ID, so a record closed twice is charged once).
 */
public final class CallBilling {

    private final BillingView view;
    private final Balances balances;
    private final TenantDirectory directory;

    public CallBilling(BillingView view, Balances balances, TenantDirectory directory) {
        this.view = view;
        this.balances = balances;
        this.directory = directory;
    }

    /** Whether the client's call to {@code e164} may go, and for how long. Reads the balance only of a billed client. */
    public CompletionStage<CallCredit.Verdict> before(String clientDomain, String e164) {
        Optional<BillingAccount> account = view.account(clientDomain);
        if (account.isEmpty()) {
            return CompletableFuture.completedFuture(new CallCredit.Unbilled());
        }
        Optional<Tariff> tariff = view.tariff(account.get().resellerRealm(), account.get().tariffName());
        return balances.balance(clientDomain).thenApply(balance -> CallCredit.before(account, tariff, e164, balance));
    }

    /** The record rated, the balances debited; a record of a call that was not billable comes back as it was. */
    public Cdr close(Cdr cdr) {
        if (!cdr.answered() || !cdr.facts().billable()) {
            return cdr;
        }
        String client = cdr.facts().chargedClient();
        Optional<BillingAccount> account = view.account(client);
        if (account.isEmpty()) {
            return cdr;
        }
        String reseller = account.get().resellerRealm();
        BigDecimal discount = directory.reseller(reseller).map(Reseller::discountPercent).orElse(BigDecimal.ZERO);
        Charge charge = CallCredit.after(view.tariff(reseller, account.get().tariffName()), cdr.facts().e164(),
                cdr.billableSeconds(), discount);
        if (charge.clientMicros() > 0) {
            balances.charge(client, cdr.callId(), charge.clientMicros());
        }
        if (charge.resellerMicros() > 0) {
            balances.charge(reseller, cdr.callId(), charge.resellerMicros());
        }
        return cdr.rated(charge);
    }
}
