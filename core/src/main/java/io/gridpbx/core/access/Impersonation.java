package io.gridpbx.core.access;

import io.gridpbx.core.manage.NotFoundException;
import io.gridpbx.core.tenancy.TenantDirectory;
import java.time.Clock;

/**
 * "Log in as" a level below and back up. A target outside the actor's subtree, or one that does not
 * exist, is "not found", as if it were not there; every move is in the audit log.
 */
public final class Impersonation {

    private final TenantDirectory directory;
    private final AuditLog audit;
    private final Clock clock;

    public Impersonation(TenantDirectory directory, AuditLog audit, Clock clock) {
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    public Actor connectAs(Actor actor, Scope target) {
        if (!actor.scope().isAbove(target) || !exists(target)) {
            throw new NotFoundException(target.level().name().toLowerCase(java.util.Locale.ROOT), target.tenant());
        }
        audit.append(new AuditEntry(clock.instant(), actor.email(), "impersonate", actor.scope(), target.toString()));
        return actor.down(target);
    }

    /**
     * An API token acting at a level below the actor (a user's token made by its client, say): allowed
     * exactly where "log in as" is, and audited the same way.
     */
    public ApiTokens.Issued tokenFor(Actor actor, Scope target, String label, ApiTokens tokens) {
        return tokens.create(connectAs(actor, target), label);
    }

    /** Goes back up the chain to {@code depth} (0 = home). */
    public Actor backTo(Actor actor, int depth) {
        if (depth < 0 || depth >= actor.chain().size() - 1) {
            return actor;
        }
        audit.append(new AuditEntry(clock.instant(), actor.email(), "leave", actor.scope(),
                actor.chain().get(depth).toString()));
        return actor.upTo(depth);
    }

    private boolean exists(Scope target) {
        return switch (target.level()) {
            case PLATFORM -> directory.platform().isPresent();
            case RESELLER -> directory.reseller(target.tenant()).isPresent();
            case CLIENT -> directory.client(target.tenant()).isPresent();
            case USER -> directory.user(target.userAddress()).isPresent();
        };
    }
}
