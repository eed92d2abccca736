package io.gridpbx.core.manage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/** Parsing of typed numbers and amounts; null means "not a number". */
public final class Numbers {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private Numbers() {
    }

    public static @Nullable BigDecimal decimal(@Nullable String text, BigDecimal whenBlank) {
        if (text == null || text.isBlank()) {
            return whenBlank;
        }
        try {
            return new BigDecimal(text.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** An amount such as {@code 12.50} in millionths; null when not an amount with at most 6 decimals. */
    public static @Nullable Long micros(String text) {
        BigDecimal amount = decimal(text, BigDecimal.ZERO);
        if (amount == null || amount.scale() > 6 || amount.abs().compareTo(BigDecimal.valueOf(1_000_000_000L)) > 0) {
            return null;
        }
        return amount.multiply(MILLION).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    }

    /** Millionths as a plain decimal with at least two places, e.g. {@code 12500000} as {@code 12.50}, {@code 23400} as {@code 0.0234}. */
    public static String amount(long micros) {
        BigDecimal amount = BigDecimal.valueOf(micros, 6).stripTrailingZeros();
        return (amount.scale() < 2 ? amount.setScale(2) : amount).toPlainString();
    }

    public static @Nullable Integer integer(@Nullable String text, int whenBlank) {
        if (text == null || text.isBlank()) {
            return whenBlank;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
