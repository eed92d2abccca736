package io.gridpbx.core.access;

import io.gridpbx.core.manage.FieldError;
import io.gridpbx.core.manage.NotFoundException;
import io.gridpbx.core.manage.ValidationException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Creating, listing, revoking and resolving API tokens; a token acts at the scope it was created in. */
public final class ApiTokens {

    private final ApiTokenStore store;
    private final AuditLog audit;
    private final Clock clock;

    public ApiTokens(ApiTokenStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** The secret, shown once. */
    public record Issued(ApiToken token, String secret) {
    }

    public Issued create(Actor actor, String label) {
        String trimmed = label.trim();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw new ValidationException(FieldError.of("label", "label.length", "1 to 100 characters"));
        }
        return issue(actor, trimmed, Secrets.newToken());
    }

    /** Files a token with a secret chosen by the operator (the documented demo tokens). */
    public Issued issue(Actor actor, String label, String secret) {
        String hash = Secrets.sha256(secret);
        ApiToken token = new ApiToken(hash.substring(0, 12), label, hash, actor.scope(), actor.email(), clock.instant());
        store.save(token);
        audit.append(new AuditEntry(clock.instant(), actor.email(), "create-token", actor.scope(), token.id()));
        return new Issued(token, secret);
    }

    public List<ApiToken> list(Actor actor) {
        return store.of(actor.scope());
    }

    public void revoke(Actor actor, String id) {
        ApiToken token = store.of(actor.scope()).stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("token", id));
        store.remove(token.secretHash());
        audit.append(new AuditEntry(clock.instant(), actor.email(), "revoke-token", actor.scope(), id));
    }

    public Optional<Actor> resolve(String secret) {
        return store.bySecretHash(Secrets.sha256(secret)).map(t -> Actor.token("token:" + t.id(), t.scope()));
    }
}
