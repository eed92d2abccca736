package io.gridpbx.core.features;

import io.gridpbx.core.access.Scope;
import io.gridpbx.core.manage.Errors;
import io.gridpbx.core.tenancy.DomainName;
import io.gridpbx.core.tenancy.TenantDirectory;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Configuration objects that name one tenant directly below their owner, each tenant at most once: a
 * reseller's cap on one of its clients' calls and its billing of one client, the platform's cap on one
 * reseller. The tenant is written back as the call path reads it (lower case, whole); a bare label is
 * completed below the owner, as the client form does. A tenant named twice would be read either way by
 * the call path while the admin shows both, so a second object is refused on the tenant's field.
 */
final class TenantFields {

    /**
     * What a kind names.
     *
     * @param field  the field that holds the tenant
     * @param client a client of the owning reseller; otherwise a reseller of the platform
     * @param codes  the prefix of its error codes, e.g. {@code call-limit}
     * @param taken  the message when the tenant is already named
     */
    record Named(String field, boolean client, String codes, String taken) {
    }

    private final ConfigStore store;
    private final TenantDirectory directory;

    TenantFields(ConfigStore store, TenantDirectory directory) {
        this.store = store;
        this.directory = directory;
    }

    /** What {@code kind}'s objects name, if they name a tenant. */
    static Optional<Named> of(ConfigKind kind) {
        return Optional.ofNullable(switch (kind) {
            case CLIENT_CALL_LIMIT -> new Named("client", true, "call-limit",
                    "this client already has a call limit: change that one");
            case RESELLER_CALL_LIMIT -> new Named("reseller", false, "call-limit",
                    "this reseller already has a call limit: change that one");
            case CLIENT_BILLING -> new Named("client", true, "client-billing",
                    "this client is already billed: change how");
            default -> null;
        });
    }

    /** The tenant an object names as the call path reads it, whether or not it was saved normalized. */
    static Optional<String> tenant(ConfigObject object) {
        return of(object.kind()).map(named -> object.values().get(named.field())).map(TenantFields::lenient);
    }

    /**
     * Checks the tenant of the object {@code id} (a new one's id when created) of a kind that names one,
     * and writes it back normalized; other kinds are left alone.
     */
    void check(Scope actor, ConfigKind kind, String id, Map<String, String> values, Errors errors) {
        Named named = of(kind).orElse(null);
        String typed = named == null ? null : values.get(named.field());
        if (named == null || typed == null || errors.has(named.field())) {
            return;
        }
        String field = named.field();
        String domain = domain(typed.contains(".") ? typed : typed + "." + actor.tenant());
        boolean known = domain != null && DomainName.isDirectChild(domain, actor.tenant())
                && (named.client()
                        ? directory.client(domain).filter(c -> c.resellerRealm().equals(actor.tenant())).isPresent()
                        : directory.reseller(domain).isPresent());
        errors.check(known, field, named.codes() + (named.client() ? ".client-unknown" : ".reseller-unknown"),
                named.client() ? "not one of your clients: its domain, e.g. office." + actor.tenant()
                        : "no such reseller: its realm, e.g. demo." + actor.tenant());
        if (domain == null || !known) {
            return;
        }
        values.put(field, domain);
        boolean taken = store.of(kind, actor).stream()
                .anyMatch(o -> !o.id().equals(id) && domain.equals(lenient(o.values().getOrDefault(field, ""))));
        errors.check(!taken, field, named.codes() + (named.client() ? ".client-taken" : ".reseller-taken"),
                named.taken());
    }

    private static @Nullable String domain(String text) {
        try {
            return DomainName.normalize(text);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private static String lenient(String tenant) {
        return tenant.strip().toLowerCase(Locale.ROOT);
    }
}
