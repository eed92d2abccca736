package io.gridpbx.core.billing;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A billing profile as rating uses it: its rates, longest prefix first, and how seconds are counted.
 * An answered call of {@code s} seconds is billed {@code max(s, minimum)} seconds rounded up to the
 * increment, at its rate's price per minute (rounded up to the micro), plus the connection fee. A call
 * that was not answered costs nothing.
 *
 * @param name             the profile's name, which client billing accounts refer to
 * @param incrementSeconds the billing step, at least 1
 * @param minimumSeconds   the least an answered call is billed
 * @param connectionFeeMicros what each answered call costs before its first second
 */
public record Tariff(String name, int incrementSeconds, int minimumSeconds, long connectionFeeMicros, List<Rate> rates) {

    public Tariff {
        if (incrementSeconds < 1) {
            throw new IllegalArgumentException("the increment is at least 1 second");
        }
        if (minimumSeconds < 0 || connectionFeeMicros < 0) {
            throw new IllegalArgumentException("the minimum and the connection fee cannot be negative");
        }
        rates = rates.stream().sorted(Comparator.comparingInt((Rate r) -> r.prefix().length()).reversed()
                .thenComparing(Rate::prefix)).toList();
    }

    /** The rate of the longest prefix of {@code e164} (with or without its plus), if any prefix matches. */
    public Optional<Rate> rateFor(String e164) {
        String digits = e164.startsWith("+") ? e164.substring(1) : e164;
        for (Rate rate : rates) {
            if (digits.startsWith(rate.prefix())) {
                return Optional.of(rate);
            }
        }
        return Optional.empty();
    }

    /** The seconds billed for a call answered for {@code seconds}: 0 when it was not answered at all. */
    public long billedSeconds(long seconds) {
        if (seconds <= 0 && minimumSeconds == 0) {
            return 0;
        }
        long counted = Math.max(Math.max(seconds, minimumSeconds), 1);
        return Math.ceilDiv(counted, incrementSeconds) * incrementSeconds;
    }

    /** What an answered call of {@code seconds} at {@code rate} costs, in micros. */
    public long charge(Rate rate, long seconds) {
        return connectionFeeMicros + priceOf(rate, billedSeconds(seconds));
    }

    /** What the first billed step of an answered call at {@code rate} costs: what a prepaid call must be able to pay. */
    public long firstCharge(Rate rate) {
        return charge(rate, 1);
    }

    /**
     * How many seconds of a call at {@code rate} {@code funds} pay for: the longest duration whose charge
     * stays within them, 0 when they cannot pay the first step, {@link Long#MAX_VALUE} for a free rate.
     */
    public long affordableSeconds(Rate rate, long funds) {
        if (funds < firstCharge(rate)) {
            return 0;
        }
        if (rate.microsPerMinute() == 0) {
            return Long.MAX_VALUE;
        }
        long afterFee = funds - connectionFeeMicros;
        long steps = afterFee * 60 / (rate.microsPerMinute() * incrementSeconds);
        long seconds = Math.max(steps * incrementSeconds, billedSeconds(1));
        while (seconds > incrementSeconds && charge(rate, seconds) > funds) {
            seconds -= incrementSeconds; // the price rounds up per call: step back past it
        }
        return seconds;
    }

    private static long priceOf(Rate rate, long billedSeconds) {
        return Math.ceilDiv(Math.multiplyExact(billedSeconds, rate.microsPerMinute()), 60);
    }
}
