package io.gridpbx.core.tenancy;

import io.gridpbx.core.digest.DigestAlgorithm;
import io.gridpbx.core.location.AddressOfRecord;

/**
 * What the registrar and proxy need to check a digest response: the user it belongs to and its HA1
 * for each algorithm (RFC 7616 section 3.4.2), never the password.
 */
public record SipCredentials(String authUser, String realm, AddressOfRecord owner, String ha1Md5, String ha1Sha256) {

    public SipCredentials {
        realm = DomainName.normalize(realm);
    }

    /** Computes both HA1 values from a clear-text password, which is then forgotten. */
    public static SipCredentials fromPassword(String authUser, String realm, AddressOfRecord owner, String password) {
        // Hash the realm as it is kept and challenged with (lower case), or the phone's HA1 never matches.
        String normalized = DomainName.normalize(realm);
        return new SipCredentials(authUser, normalized, owner,
                DigestAlgorithm.MD5.ha1(authUser, normalized, password),
                DigestAlgorithm.SHA_256.ha1(authUser, normalized, password));
    }

    public String ha1(DigestAlgorithm algorithm) {
        return switch (algorithm) {
            case MD5 -> ha1Md5;
            case SHA_256 -> ha1Sha256;
        };
    }

    /** The key under which the directory files these credentials: {@code authUser@realm}. */
    public String key() {
        return key(authUser, realm);
    }

    public static String key(String authUser, String realm) {
        return authUser + "@" + realm.toLowerCase(java.util.Locale.ROOT);
    }
}
