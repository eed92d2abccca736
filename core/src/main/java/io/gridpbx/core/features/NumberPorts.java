package io.gridpbx.core.features;

import io.gridpbx.core.access.AuditEntry;
import io.gridpbx.core.access.AuditLog;
import io.gridpbx.core.access.Level;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.manage.FieldError;
import io.gridpbx.core.manage.ForbiddenException;
import io.gridpbx.core.manage.NotFoundException;
import io.gridpbx.core.manage.ValidationException;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform's queue of number-port (LNP) requests. A reseller files a request and may only keep it
 * a draft or submit it ({@link FeatureConfig} enforces that); the platform, which deals with the
 * carriers, sees every reseller's requests and moves them to accepted, completed or rejected.
 */
public final class NumberPorts {

    /** The statuses only the platform sets. */
    public static final List<String> PLATFORM_STATUSES = List.of("accepted", "completed", "rejected");
    /** The statuses a reseller may set on its own request. */
    public static final List<String> RESELLER_STATUSES = List.of("draft", "submitted");

    private final ConfigStore store;
    private final AuditLog audit;
    private final Clock clock;

    public NumberPorts(ConfigStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every reseller's requests, drafts left out (not filed yet), submitted ones first. */
    public List<ConfigObject> queue(Scope actor) {
        requirePlatform(actor);
        return store.all(ConfigKind.NUMBER_PORT).stream()
                .filter(o -> !"draft".equals(o.values().get("status")))
                .sorted(Comparator.comparing((ConfigObject o) -> !"submitted".equals(o.values().get("status")))
                        .thenComparing(o -> o.owner().tenant()).thenComparing(ConfigObject::label))
                .toList();
    }

    /** Sets the status of one reseller's request: {@code resellerRealm} and {@code id} name it. */
    public ConfigObject decide(Scope actor, String resellerRealm, String id, String status, String actorEmail) {
        requirePlatform(actor);
        if (!PLATFORM_STATUSES.contains(status) && !"submitted".equals(status)) {
            throw new ValidationException(FieldError.of("status", "choice.invalid",
                    "one of submitted, " + String.join(", ", PLATFORM_STATUSES)));
        }
        Scope owner;
        try {
            owner = Scope.reseller(resellerRealm);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("number port", resellerRealm + "/" + id);
        }
        ConfigObject request = store.find(ConfigObject.key(ConfigKind.NUMBER_PORT, owner, id))
                .filter(o -> !"draft".equals(o.values().get("status")))
                .orElseThrow(() -> new NotFoundException("number port", resellerRealm + "/" + id));
        Map<String, String> values = new HashMap<>(request.values());
        values.put("status", status);
        ConfigObject decided = new ConfigObject(request.kind(), request.id(), request.owner(), values);
        store.save(decided);
        audit.append(new AuditEntry(clock.instant(), actorEmail, "number-port-" + status, actor,
                resellerRealm + "/" + request.values().get("number")));
        return decided;
    }

    private static void requirePlatform(Scope actor) {
        if (actor.level() != Level.PLATFORM) {
            throw new ForbiddenException("the platform works the number-port queue");
        }
    }
}
