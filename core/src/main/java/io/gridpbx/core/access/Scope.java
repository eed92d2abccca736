package io.gridpbx.core.access;

import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.tenancy.DomainName;

/**
 * The subtree an actor may see and manage: the platform (everything), a reseller's realm, a client's
 * domain, or one user. Realms nest as domains do, so "inside" is a domain-suffix test.
 *
 * @param tenant the platform domain, reseller realm or client domain; for a user its address of record
 */
public record Scope(Level level, String tenant) {

    public Scope {
        tenant = level == Level.USER ? AddressOfRecord.parse(tenant).toString() : DomainName.normalize(tenant);
    }

    public static Scope platform(String domain) {
        return new Scope(Level.PLATFORM, domain);
    }

    public static Scope reseller(String realm) {
        return new Scope(Level.RESELLER, realm);
    }

    public static Scope client(String domain) {
        return new Scope(Level.CLIENT, domain);
    }

    public static Scope user(AddressOfRecord aor) {
        return new Scope(Level.USER, aor.toString());
    }

    /** The domain this scope lives in: for a user, its client's domain. */
    public String domain() {
        return level == Level.USER ? AddressOfRecord.parse(tenant).domain() : tenant;
    }

    /**
     * The realm of the reseller this scope belongs to (its own for a reseller, the one above its client
     * for a client or a user); empty for the platform.
     */
    public java.util.Optional<String> resellerRealm() {
        return switch (level) {
            case PLATFORM -> java.util.Optional.empty();
            case RESELLER -> java.util.Optional.of(tenant);
            case CLIENT, USER -> java.util.Optional.of(DomainName.parent(domain()));
        };
    }

    public AddressOfRecord userAddress() {
        if (level != Level.USER) {
            throw new IllegalStateException(this + " is not a user");
        }
        return AddressOfRecord.parse(tenant);
    }

    /** Whether an object filed under this domain (a reseller's realm, a client's domain) is inside this scope. */
    public boolean coversDomain(String domain) {
        return level != Level.USER && DomainName.isWithin(domain, tenant);
    }

    public boolean coversUser(AddressOfRecord aor) {
        return level == Level.USER ? tenant.equals(aor.toString()) : coversDomain(aor.domain());
    }

    public boolean covers(Scope other) {
        return other.level == Level.USER ? coversUser(other.userAddress()) : coversDomain(other.tenant);
    }

    /** Whether this scope may "log in as" the other: it covers it and is at a higher level. */
    public boolean isAbove(Scope other) {
        return level.isAbove(other.level) && covers(other);
    }

    @Override
    public String toString() {
        return level.name().toLowerCase(java.util.Locale.ROOT) + ":" + tenant;
    }

    /** Parses {@link #toString()}, e.g. {@code client:office.demo.gridpbx.test}. */
    public static Scope parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("a scope is level:tenant: '" + text + "'");
        }
        return new Scope(Level.valueOf(text.substring(0, colon).toUpperCase(java.util.Locale.ROOT)),
                text.substring(colon + 1));
    }
}
