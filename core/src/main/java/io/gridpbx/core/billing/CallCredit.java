package io.gridpbx.core.billing;

import io.gridpbx.core.dialog.Charge;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Money before and after a call to the PSTN. Before: whether the client's funds pay the first step of
 * the call's rate (a prepaid client at zero, or a postpaid one past its credit, is refused), and how
 * long they let it last. After: what it cost the client, and its reseller after the discount. A client
 * that no reseller bills calls unrated; a billed client's call to a number its profile has no rate for
 * is refused, as it could not be charged.
 */
public final class CallCredit {

    /** The answer before a call. */
    public sealed interface Verdict {
    }

    /** The client is not billed: the call goes, unlimited and free. */
    public record Unbilled() implements Verdict {
    }

    /** The call goes; its funds pay for {@code maxSeconds} of it ({@link Long#MAX_VALUE}: no end). */
    public record Allowed(BillingAccount account, Tariff tariff, Rate rate, long maxSeconds) implements Verdict {
    }

    /** The call may not go: 403 with this reason. */
    public record Refused(String reason) implements Verdict {
    }

    private CallCredit() {
    }

    /**
     * @param balanceMicros the client's balance now
     */
    public static Verdict before(Optional<BillingAccount> account, Optional<Tariff> tariff, String e164,
            long balanceMicros) {
        if (account.isEmpty()) {
            return new Unbilled();
        }
        if (tariff.isEmpty()) {
            return new Refused("Billing Profile Missing");
        }
        Optional<Rate> rate = tariff.get().rateFor(e164);
        if (rate.isEmpty()) {
            return new Refused("No Rate For Destination");
        }
        long seconds = tariff.get().affordableSeconds(rate.get(), account.get().funds(balanceMicros));
        if (seconds == 0) {
            return new Refused(account.get().mode() == BillingMode.PREPAID ? "Insufficient Balance" : "Credit Limit Reached");
        }
        return new Allowed(account.get(), tariff.get(), rate.get(), seconds);
    }

    /**
     * What an answered call of {@code billableSeconds} to {@code e164} costs the client and its reseller.
     *
     * @param resellerDiscountPercent what the platform takes off the reseller's cost, 0 to 100
     */
    public static Charge after(Optional<Tariff> tariff, String e164, long billableSeconds,
            BigDecimal resellerDiscountPercent) {
        if (tariff.isEmpty() || billableSeconds <= 0) {
            return Charge.NONE;
        }
        Optional<Rate> rate = tariff.get().rateFor(e164);
        if (rate.isEmpty()) {
            return Charge.NONE;
        }
        long client = tariff.get().charge(rate.get(), billableSeconds);
        long reseller = BigDecimal.valueOf(client)
                .multiply(BigDecimal.valueOf(100).subtract(resellerDiscountPercent))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
        return new Charge(client, reseller, rate.get().prefix());
    }
}
