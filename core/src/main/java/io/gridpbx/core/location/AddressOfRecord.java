package io.gridpbx.core.location;

import io.gridpbx.core.tenancy.DomainName;

/**
 * An address of record (RFC 3261 section 10.2.1): {@code user@domain}, the key of a binding set.
 * The domain is case-insensitive; the user part is case-sensitive (section 19.1.4).
 */
public record AddressOfRecord(String user, String domain) {

    public AddressOfRecord {
        if (user.isEmpty() || user.length() > 64) {
            throw new IllegalArgumentException("AOR user part must have 1 to 64 characters");
        }
        domain = DomainName.normalize(domain);
    }

    /** Parses {@code user@domain} as produced by {@link #toString()}. */
    public static AddressOfRecord parse(String text) {
        int at = text.lastIndexOf('@');
        if (at <= 0 || at == text.length() - 1) {
            throw new IllegalArgumentException("an address of record is user@domain: '" + text + "'");
        }
        return new AddressOfRecord(text.substring(0, at), text.substring(at + 1));
    }

    @Override
    public String toString() {
        return user + "@" + domain;
    }
}
