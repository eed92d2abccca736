package io.gridpbx.core.tenancy;

/** A reseller: owns a realm one label below the platform domain and manages the clients under it. */
public record Reseller(String realm, String name, String platformDomain) {

    public Reseller {
        realm = DomainName.normalize(realm);
        platformDomain = DomainName.normalize(platformDomain);
        if (!DomainName.isDirectChild(realm, platformDomain)) {
            throw new IllegalArgumentException("reseller realm " + realm + " must be one label below " + platformDomain);
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("reseller name must not be blank");
        }
    }
}
