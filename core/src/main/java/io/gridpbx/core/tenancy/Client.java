package io.gridpbx.core.tenancy;

import org.jspecify.annotations.Nullable;

/**
 * A client (a company, a PBX customer): its SIP domain is one label below its reseller's realm, and
 * every one of its users registers and is called in that domain.
 */
public record Client(String domain, String name, String resellerRealm, int maxContactsPerUser,
        @Nullable String email, String language) {

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
    }

    public Client(String domain, String name, String resellerRealm, int maxContactsPerUser) {
        this(domain, name, resellerRealm, maxContactsPerUser, null, Languages.DEFAULT);
    }
}
