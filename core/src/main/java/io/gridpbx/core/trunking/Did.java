package io.gridpbx.core.trunking;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A phone number of the platform's inventory, handed down the hierarchy: unassigned, then to a
 * reseller, then to one of its clients, which points it at a destination (an extension).
 *
 * @param number E.164 digits without the plus, e.g. 15145550100
 */
public record Did(String number, @Nullable String resellerRealm, @Nullable String clientDomain,
        @Nullable String destination) {

    private static final Pattern E164 = Pattern.compile("[1-9][0-9]{6,14}");

    public Did {
        if (!isValidNumber(number)) {
            throw new IllegalArgumentException("a DID is 7 to 15 digits, no leading 0: '" + number + "'");
        }
        if (clientDomain != null && resellerRealm == null) {
            throw new IllegalArgumentException("a DID reaches a client only through its reseller");
        }
    }

    public static boolean isValidNumber(String number) {
        return E164.matcher(number).matches();
    }

    public static String normalize(String typed) {
        return typed.trim().replaceAll("[\\s().+-]", "");
    }
}
