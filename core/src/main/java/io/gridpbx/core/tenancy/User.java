package io.gridpbx.core.tenancy;

import io.gridpbx.core.location.AddressOfRecord;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A user of a client: one extension, reachable at {@code extension@client-domain}.
 *
 * @param displayName the name its calls show (the SIP display name)
 * @param department  free text the client groups its users by
 * @param mac         the MAC address of the user's desk phone, 12 lower-case hex digits, for provisioning
 * @param firstName   the person's given name, as the client's lists show it
 * @param lastName    the person's family name
 * @param profile     the id of a user profile (a {@code USER_PROFILE} configuration object) of the user's reseller
 */
public record User(
        String extension,
        String domain,
        String authUser,
        String displayName,
        String language,
        CallSettings callSettings,
        @Nullable String department,
        @Nullable String mac,
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable String profile) {

    private static final Pattern EXTENSION = Pattern.compile("[0-9A-Za-z._+-]{1,32}");
    private static final Pattern MAC = Pattern.compile("[0-9a-f]{12}");

    public User {
        domain = DomainName.normalize(domain);
        if (!EXTENSION.matcher(extension).matches()) {
            throw new IllegalArgumentException("extension must be 1 to 32 letters, digits or ._+-: '" + extension + "'");
        }
        if (!EXTENSION.matcher(authUser).matches()) {
            throw new IllegalArgumentException("auth user must be 1 to 32 letters, digits or ._+-: '" + authUser + "'");
        }
        Languages.require(language);
        if (mac != null && !MAC.matcher(mac).matches()) {
            throw new IllegalArgumentException("MAC must be 12 lower-case hex digits: '" + mac + "'");
        }
    }

    public User(String extension, String domain, String authUser, String displayName, String language,
            CallSettings callSettings, @Nullable String department, @Nullable String mac) {
        this(extension, domain, authUser, displayName, language, callSettings, department, mac, null, null, null);
    }

    public User(String extension, String domain, String authUser, String displayName, String language,
            CallSettings callSettings) {
        this(extension, domain, authUser, displayName, language, callSettings, null, null);
    }

    /** Normalizes a MAC address as typed (any case, with or without : or - separators); null when blank. */
    public static @Nullable String normalizeMac(@Nullable String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        return typed.replaceAll("[:.\\-\\s]", "").toLowerCase(java.util.Locale.ROOT);
    }

    public static boolean isValidExtension(String extension) {
        return EXTENSION.matcher(extension).matches();
    }

    public static boolean isValidMac(String normalizedMac) {
        return MAC.matcher(normalizedMac).matches();
    }

    public AddressOfRecord addressOfRecord() {
        return new AddressOfRecord(extension, domain);
    }

    /** "First Last", either alone when the other is missing; null when the user has neither. */
    public @Nullable String fullName() {
        String full = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        return full.isEmpty() ? null : full;
    }

    public User withCallSettings(CallSettings settings) {
        return new User(extension, domain, authUser, displayName, language, settings, department, mac, firstName,
                lastName, profile);
    }

    public User withLanguage(String newLanguage) {
        return new User(extension, domain, authUser, displayName, newLanguage, callSettings, department, mac,
                firstName, lastName, profile);
    }
}
