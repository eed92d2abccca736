package io.gridpbx.core.tenancy;

import io.gridpbx.core.digest.DigestAlgorithm;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A client (a company, a PBX customer): its SIP domain is one label below its reseller's realm, and
 * every one of its users registers and is called in that domain.
 *
 * @param digestAlgorithms the algorithms its 401/407 challenges offer, strongest first (RFC 8760);
 *                         empty for the platform's default
 * @param mediaRelay       when its calls' media go through the relay; {@link NatPolicy#WHEN_NAT} unless chosen
 */
public record Client(String domain, String name, String resellerRealm, int maxContactsPerUser,
        @Nullable String email, String language, List<DigestAlgorithm> digestAlgorithms, NatPolicy mediaRelay) {

    public static final int DEFAULT_MAX_CONTACTS = 10;

    public Client {
        domain = DomainName.normalize(domain);
        resellerRealm = DomainName.normalize(resellerRealm);
        if (!DomainName.isDirectChild(domain, resellerRealm)) {
            throw new IllegalArgumentException("client domain " + domain + " must be one label below " + resellerRealm);
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("client name must not be blank");
        }
        if (maxContactsPerUser < 1) {
            throw new IllegalArgumentException("maxContactsPerUser must be at least 1");
        }
        Languages.require(language);
        digestAlgorithms = DigestAlgorithm.strongestFirst(digestAlgorithms);
        Objects.requireNonNull(mediaRelay, "mediaRelay");
    }

    /** A client whose calls relay media when the phone is behind NAT, the usual setting. */
    public Client(String domain, String name, String resellerRealm, int maxContactsPerUser,
            @Nullable String email, String language, List<DigestAlgorithm> digestAlgorithms) {
        this(domain, name, resellerRealm, maxContactsPerUser, email, language, digestAlgorithms, NatPolicy.WHEN_NAT);
    }

    /** A client whose challenges offer the platform's default algorithms. */
    public Client(String domain, String name, String resellerRealm, int maxContactsPerUser,
            @Nullable String email, String language) {
        this(domain, name, resellerRealm, maxContactsPerUser, email, language, List.of());
    }

    public Client(String domain, String name, String resellerRealm, int maxContactsPerUser) {
        this(domain, name, resellerRealm, maxContactsPerUser, null, Languages.DEFAULT);
    }
}
