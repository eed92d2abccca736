package io.gridpbx.core.trunking;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How a client's users dial the PSTN: what they type becomes an E.164 number and a {@link NumberClass}.
 * The rules are tried in this order: an emergency number as it is; a leading {@code +}; the
 * international prefix (011, 00); the national prefix (1 in North America, 0 in France); a number of
 * the national length; a local number of the area (national length less the area code's).
 *
 * @param countryCode         the client's country calling code, 1 to 3 digits
 * @param nationalPrefix      the trunk prefix dialled before a national number, empty where there is none
 * @param internationalPrefix dialled before a country code
 * @param nationalLength      digits of a national significant number (10 in North America, 9 in France), 0 when it varies
 * @param areaCode            the client's area code, which makes short local numbers dialable; null for none
 * @param emergencyNumbers    numbers that go out as they are, whatever the caller's profile
 * @param tollFreePrefixes    E.164 prefixes of toll-free numbers
 * @param premiumPrefixes     E.164 prefixes of premium-rate numbers
 */
public record DialPlan(String countryCode, String nationalPrefix, String internationalPrefix, int nationalLength,
        @Nullable String areaCode, List<String> emergencyNumbers, List<String> tollFreePrefixes,
        List<String> premiumPrefixes) {

    private static final Pattern DIGITS = Pattern.compile("[0-9]*");
    private static final Pattern E164 = Pattern.compile("[1-9][0-9]{6,14}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s().-]");

    /** North America (NANP): what a client gets until it sets its own plan. */
    public static final DialPlan NORTH_AMERICA = new DialPlan("1", "1", "011", 10, null, List.of("911", "933"),
            List.of("1800", "1833", "1844", "1855", "1866", "1877", "1888"), List.of("1900", "1976"));

    public DialPlan {
        require(countryCode.matches("[1-9][0-9]{0,2}"), "country code must be 1 to 3 digits, no leading 0");
        require(DIGITS.matcher(nationalPrefix).matches() && nationalPrefix.length() <= 3, "national prefix: up to 3 digits");
        require(internationalPrefix.matches("[0-9]{1,4}"), "international prefix must be 1 to 4 digits");
        require(nationalLength >= 0 && nationalLength <= 14, "national length must be 0 to 14");
        require(areaCode == null || areaCode.matches("[0-9]{1,5}") && areaCode.length() < Math.max(1, nationalLength),
                "area code: 1 to 5 digits, shorter than a national number");
        emergencyNumbers = digitsList(emergencyNumbers, "emergency numbers");
        tollFreePrefixes = digitsList(tollFreePrefixes, "toll-free prefixes");
        premiumPrefixes = digitsList(premiumPrefixes, "premium prefixes");
    }

    /**
     * Reads a plan from a client's {@code DIAL_PLAN} settings ({@code ConfigKind.DIAL_PLAN} names the
     * fields); an optional value left out is empty.
     *
     * @throws IllegalArgumentException naming the value that makes no plan
     */
    public static DialPlan fromSettings(Map<String, String> values) {
        String area = values.get("areaCode");
        String length = values.getOrDefault("nationalLength", "0");
        if (!length.matches("[0-9]{1,2}")) {
            throw new IllegalArgumentException("national length must be 0 to 14");
        }
        return new DialPlan(values.getOrDefault("countryCode", ""), values.getOrDefault("nationalPrefix", ""),
                values.getOrDefault("internationalPrefix", ""), Integer.parseInt(length),
                area == null || area.isBlank() ? null : area, list(values.get("emergencyNumbers")),
                list(values.get("tollFreePrefixes")), list(values.get("premiumPrefixes")));
    }

    /** The number a user dialled as E.164 and its class; empty when it is no number of the PSTN. */
    public Optional<DialledNumber> normalize(String typed) {
        String dialled = SEPARATORS.matcher(typed).replaceAll("");
        if (dialled.isEmpty() || dialled.length() > 20) {
            return Optional.empty();
        }
        if (emergencyNumbers.contains(dialled)) {
            return Optional.of(new DialledNumber(dialled, dialled, NumberClass.EMERGENCY));
        }
        String e164 = null;
        if (dialled.charAt(0) == '+') {
            e164 = dialled.substring(1);
        } else if (!DIGITS.matcher(dialled).matches()) {
            return Optional.empty();
        } else if (dialled.startsWith(internationalPrefix)) {
            e164 = dialled.substring(internationalPrefix.length());
        } else if (!nationalPrefix.isEmpty() && dialled.startsWith(nationalPrefix)
                && (nationalLength == 0 || dialled.length() == nationalPrefix.length() + nationalLength)) {
            e164 = countryCode + dialled.substring(nationalPrefix.length());
        } else if (nationalLength > 0 && dialled.length() == nationalLength) {
            e164 = countryCode + dialled;
        } else if (areaCode != null && dialled.length() == nationalLength - areaCode.length()) {
            e164 = countryCode + areaCode + dialled;
        }
        if (e164 == null || !E164.matcher(e164).matches()) {
            return Optional.empty();
        }
        return Optional.of(new DialledNumber(dialled, e164, classify(e164)));
    }

    /** The class of an E.164 number as seen from this plan's country and area. */
    public NumberClass classify(String e164) {
        if (startsWithAny(e164, premiumPrefixes)) {
            return NumberClass.PREMIUM;
        }
        if (startsWithAny(e164, tollFreePrefixes)) {
            return NumberClass.TOLL_FREE;
        }
        if (!e164.startsWith(countryCode)) {
            return NumberClass.INTERNATIONAL;
        }
        return areaCode != null && e164.startsWith(countryCode + areaCode) ? NumberClass.LOCAL : NumberClass.NATIONAL;
    }

    private static boolean startsWithAny(String number, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (number.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> list(@Nullable String commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        return java.util.Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> digitsList(List<String> values, String what) {
        for (String value : values) {
            require(value.matches("[0-9]{1,15}"), what + ": '" + value + "' is not 1 to 15 digits");
        }
        return List.copyOf(values);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
