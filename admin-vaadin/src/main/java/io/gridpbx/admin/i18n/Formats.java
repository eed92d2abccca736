package io.gridpbx.admin.i18n;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/** Amounts, percentages and times as the screen's locale writes them. */
public final class Formats {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private Formats() {
    }

    /** An amount in millionths of the currency, e.g. {@code €1,234.50} or {@code 1 234,50 €}. */
    public static String money(long micros, Currency currency, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(AdminTranslations.supported(locale).equals(Locale.FRENCH)
                ? Locale.FRANCE : Locale.US);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
        format.setMaximumFractionDigits(6);
        return format.format(BigDecimal.valueOf(micros).divide(MILLION));
    }

    /** The plain amount for an input field, e.g. {@code 12.5}: the services parse a dot or a comma. */
    public static String amount(long micros) {
        return BigDecimal.valueOf(micros).divide(MILLION).stripTrailingZeros().toPlainString();
    }

    public static String percent(BigDecimal value, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(2);
        return format.format(value) + " %";
    }

    /** A call's length, e.g. {@code 1:05:09}, {@code 4:07} or {@code 0:09}: hours only when there are some. */
    public static String duration(Duration length) {
        long seconds = Math.max(0, length.toSeconds());
        long hours = seconds / 3600;
        long minutes = seconds / 60 % 60;
        return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", minutes, seconds % 60);
    }

    public static String dateTime(Instant instant, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).withZone(zone).format(instant);
    }
}
