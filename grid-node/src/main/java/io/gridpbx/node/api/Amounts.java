package io.gridpbx.node.api;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** Money and percentages between the API's JSON numbers and the core's typed text and millionths. */
final class Amounts {

    private Amounts() {
    }

    /** Millionths as a decimal with at least two places: 12500000 is 12.50. */
    static BigDecimal fromMicros(long micros) {
        BigDecimal amount = BigDecimal.valueOf(micros, 6).stripTrailingZeros();
        return amount.scale() < 2 ? amount.setScale(2) : amount;
    }

    /** A number as the core's forms take it; null stays null ("keep" or "default" there). */
    static @Nullable String typed(@Nullable BigDecimal number) {
        return number == null ? null : number.toPlainString();
    }

    static @Nullable String typed(@Nullable Integer number) {
        return number == null ? null : number.toString();
    }
}
