package io.gridpbx.core.tenancy;

import io.gridpbx.core.location.AddressOfRecord;
import java.util.regex.Pattern;

/** A user of a client: one extension, reachable at {@code extension@client-domain}. */
public record User(
        String extension,
        String domain,
        String authUser,
        String displayName,
        String language,
        CallSettings callSettings) {

    private static final Pattern EXTENSION = Pattern.compile("[0-9A-Za-z._+-]{1,32}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

    public User {
        domain = DomainName.normalize(domain);
        if (!EXTENSION.matcher(extension).matches()) {
            throw new IllegalArgumentException("extension must be 1 to 32 letters, digits or ._+-: '" + extension + "'");
        }
        if (!EXTENSION.matcher(authUser).matches()) {
            throw new IllegalArgumentException("auth user must be 1 to 32 letters, digits or ._+-: '" + authUser + "'");
        }
        if (!LANGUAGE.matcher(language).matches()) {
            throw new IllegalArgumentException("language must be a two-letter ISO 639-1 code: '" + language + "'");
        }
    }

    public AddressOfRecord addressOfRecord() {
        return new AddressOfRecord(extension, domain);
    }

    public User withCallSettings(CallSettings settings) {
        return new User(extension, domain, authUser, displayName, language, settings);
    }
}
