package io.gridpbx.core.tenancy;

/** The operator's platform: the root of the hierarchy, named by its domain (e.g. {@code gridpbx.test}). */
public record Platform(String domain) {

    public Platform {
        domain = DomainName.normalize(domain);
    }
}
