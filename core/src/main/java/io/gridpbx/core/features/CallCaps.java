package io.gridpbx.core.features;

import io.gridpbx.core.limits.CallLimit;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.manage.Errors;
import io.gridpbx.core.tenancy.DomainName;
import io.gridpbx.core.tenancy.TenantDirectory;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The caps of concurrent calls as configuration objects: a {@link ConfigKind#CLIENT_CALL_LIMIT} names
 * one of its reseller's clients, a {@link ConfigKind#RESELLER_CALL_LIMIT} one of the platform's
 * resellers, each written as the call path counts it (lower case) and capped once, and the key under
 * which the grid counts its calls.
 */
final class CallCaps {

    private final ConfigStore store;
    private final TenantDirectory directory;

    CallCaps(ConfigStore store, TenantDirectory directory) {
        this.store = store;
        this.directory = directory;
    }

    /** The field that names the capped tenant, for a kind of cap; null for any other kind. */
    static @Nullable String tenantField(ConfigKind kind) {
        return switch (kind) {
            case CLIENT_CALL_LIMIT -> "client";
            case RESELLER_CALL_LIMIT -> "reseller";
            default -> null;
        };
    }

    /**
     * The key the grid counts a cap's calls under ({@link CallLimit#clientKey}, {@link CallLimit#resellerKey}),
     * empty for other objects.
     */
    static Optional<String> countKey(ConfigObject object) {
        String field = tenantField(object.kind());
        String tenant = field == null ? null : object.values().get(field);
        if (tenant == null) {
            return Optional.empty();
        }
        return Optional.of(object.kind() == ConfigKind.CLIENT_CALL_LIMIT ? CallLimit.clientKey(lenient(tenant))
                : CallLimit.resellerKey(lenient(tenant)));
    }

    /**
     * Checks the tenant of the cap {@code id} (a new one's id when created) and writes it back normalized.
     * A tenant capped twice would be capped by the lower of the two on the call path while the admin
     * reads either, so a second cap is refused on the tenant's field.
     */
    void check(Scope actor, ConfigKind kind, String id, Map<String, String> values, Errors errors) {
        String field = tenantField(kind);
        String typed = field == null ? null : values.get(field);
        if (typed == null || errors.has(field)) {
            return;
        }
        // The owner's own domain is the parent: a client one label below its reseller's realm, a reseller
        // one label below the platform's domain. A bare label is completed, as the client form does.
        boolean client = kind == ConfigKind.CLIENT_CALL_LIMIT;
        String domain = domain(typed.contains(".") ? typed : typed + "." + actor.tenant());
        boolean known = domain != null && DomainName.isDirectChild(domain, actor.tenant())
                && (client ? directory.client(domain).filter(c -> c.resellerRealm().equals(actor.tenant())).isPresent()
                        : directory.reseller(domain).isPresent());
        errors.check(known, field, client ? "call-limit.client-unknown" : "call-limit.reseller-unknown",
                client ? "not one of your clients: its domain, e.g. office." + actor.tenant()
                        : "no such reseller: its realm, e.g. demo." + actor.tenant());
        if (domain == null || !known) {
            return;
        }
        values.put(field, domain);
        boolean taken = store.of(kind, actor).stream()
                .anyMatch(o -> !o.id().equals(id) && domain.equals(lenient(o.values().getOrDefault(field, ""))));
        errors.check(!taken, field, client ? "call-limit.client-taken" : "call-limit.reseller-taken",
                (client ? "this client" : "this reseller") + " already has a call limit: change that one");
    }

    private static @Nullable String domain(String text) {
        try {
            return DomainName.normalize(text);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /** A tenant as the call path reads it, whether or not it was saved normalized. */
    private static String lenient(String tenant) {
        return tenant.strip().toLowerCase(Locale.ROOT);
    }
}
