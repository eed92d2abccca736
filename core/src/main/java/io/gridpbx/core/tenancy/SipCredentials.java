package io.gridpbx.core.tenancy;

import io.gridpbx.core.digest.DigestAlgorithm;
import io.gridpbx.core.location.AddressOfRecord;
import org.jspecify.annotations.Nullable;

/**
 * What the registrar and proxy need to check a digest response: the user it belongs to and its HA1
 * for each algorithm (RFC 7616 section 3.4.2), never the password in clear.
 *
 * @param sealedPassword the password sealed by {@link SipPasswordSeal} for phone provisioning, which
 *                       must hand it to the phone; null for passwords set before sealing existed (or
 *                       without a key): such a user's phone gets a configuration without a password
 */
public record SipCredentials(String authUser, String realm, AddressOfRecord owner, String ha1Md5, String ha1Sha256,
        @Nullable String sealedPassword) {

    public SipCredentials {
        realm = DomainName.normalize(realm);
    }

    public SipCredentials(String authUser, String realm, AddressOfRecord owner, String ha1Md5, String ha1Sha256) {
        this(authUser, realm, owner, ha1Md5, ha1Sha256, null);
    }

    /** Computes both HA1 values from a clear-text password, which is then forgotten. */
    public static SipCredentials fromPassword(String authUser, String realm, AddressOfRecord owner, String password) {
        return fromPassword(authUser, realm, owner, password, SipPasswordSeal.NONE);
    }

    /** Computes both HA1 values and keeps the password sealed for provisioning, never in clear. */
    public static SipCredentials fromPassword(String authUser, String realm, AddressOfRecord owner, String password,
            SipPasswordSeal seal) {
        // Hash the realm as it is kept and challenged with (lower case), or the phone's HA1 never matches.
        String normalized = DomainName.normalize(realm);
        return new SipCredentials(authUser, normalized, owner,
                DigestAlgorithm.MD5.ha1(authUser, normalized, password),
                DigestAlgorithm.SHA_256.ha1(authUser, normalized, password),
                seal.seal(password, key(authUser, normalized)));
    }

    /** Never prints the HA1 values or the sealed password. */
    @Override
    public String toString() {
        return "SipCredentials[" + key() + " of " + owner + (sealedPassword == null ? "" : ", sealed password") + "]";
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
