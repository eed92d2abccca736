package io.gridpbx.node.dns;

import io.gridpbx.core.tenancy.TenantDirectory;
import java.util.Locale;
import java.util.Optional;
import org.xbill.DNS.Name;

/**
 * Which zone of this platform a name falls in: the platform domain, or a client domain, which is
 * always {@code client.reseller.platform}. A name is looked up in the directory at most once, for
 * the one domain two labels below the platform that contains it, so a flood of random names costs
 * no more than one near-cache read each.
 */
final class Zones {

    private final Name platform;
    private final TenantDirectory directory;

    Zones(Name platform, TenantDirectory directory) {
        this.platform = platform;
        this.directory = directory;
    }

    /** The zone the name falls in; empty when this server is not authoritative for it. */
    Optional<Name> zoneOf(Name name) {
        if (!name.subdomain(platform)) {
            return Optional.empty();
        }
        int below = name.labels() - platform.labels();
        if (below >= 2) {
            Name client = new Name(name, below - 2);
            if (directory.client(domain(client)).isPresent()) {
                return Optional.of(client);
            }
        }
        return Optional.of(platform);
    }

    /** Whether a client domain names a zone of this platform. */
    boolean isZone(Name name) {
        return name.equals(platform) || name.labels() - platform.labels() == 2 && name.subdomain(platform)
                && directory.client(domain(name)).isPresent();
    }

    /** A reseller's realm: a name that exists in the platform zone (clients are below it) with no records. */
    boolean isEmptyNonTerminal(Name name) {
        return name.labels() - platform.labels() == 1 && name.subdomain(platform)
                && directory.reseller(domain(name)).isPresent();
    }

    static String domain(Name name) {
        return name.toString(true).toLowerCase(Locale.ROOT);
    }
}
