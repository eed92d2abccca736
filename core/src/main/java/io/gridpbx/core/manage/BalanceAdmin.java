package io.gridpbx.core.manage;

import io.gridpbx.core.access.Actor;
import io.gridpbx.core.access.Level;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.billing.Balances;
import io.gridpbx.core.store.StoreUnavailableException;
import io.gridpbx.core.tenancy.DomainName;
import io.gridpbx.core.tenancy.TenantDirectory;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The balances of resellers and clients as each level may see and change them. A scope reads its own
 * balance and those of the tenants below it; the platform tops up its resellers and a reseller its own
 * clients, and nobody tops up its own balance or another's tenants: the money a reseller collects from
 * its clients is its business, the money it owes the platform is the platform's. Amounts come as
 * decimal text ({@code 10.00}; negative corrects a balance) and are kept in millionths.
 */
public final class BalanceAdmin {

    /** How long a screen or an API call waits for the balances it shows (the port bounds itself too). */
    public static final Duration DEADLINE = Duration.ofSeconds(5);
    /** The note of a top-up, e.g. a cheque number. */
    public static final int NOTE_LENGTH = 200;
    static final String OPENING = "opening balance";

    private final TenantDirectory directory;
    private final Balances balances;

    public BalanceAdmin(TenantDirectory directory, Balances balances) {
        this.directory = directory;
        this.balances = balances;
    }

    /**
     * The balance of a reseller or client the actor covers (itself included), in micros. Another's tenant
     * is forbidden; a tenant of its own that is no reseller or client is not found.
     */
    public long balance(Scope actor, String tenant) {
        String found = visible(actor, tenant);
        return await(balances.balance(found).toCompletableFuture(), "balance of " + found);
    }

    /**
     * The balances of {@code tenants} (resellers or clients, as a list shows them), asked all at once and
     * waited for once; a tenant outside the actor's scope, or whose balance did not answer in time, is left
     * out, so that one frozen member blanks a cell rather than the whole list.
     */
    public Map<String, Long> balances(Scope actor, Collection<String> tenants) {
        Map<String, CompletableFuture<Long>> asked = new LinkedHashMap<>();
        for (String tenant : tenants) {
            if (actor.coversDomain(tenant)) {
                asked.put(tenant, balances.balance(tenant).toCompletableFuture());
            }
        }
        try {
            CompletableFuture.allOf(asked.values().toArray(CompletableFuture[]::new))
                    .get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException someDidNotAnswer) {
            // Those that did are shown below.
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        Map<String, Long> answered = new LinkedHashMap<>();
        asked.forEach((tenant, balance) -> {
            if (balance.isDone() && !balance.isCompletedExceptionally()) {
                answered.put(tenant, balance.join());
            }
        });
        return answered;
    }

    /**
     * Credits a tenant directly below the actor (debits it, for a negative amount); audited with the
     * actor's email and the note. Returns the new balance in micros.
     *
     * @param amount decimal text such as {@code 10.00}, at most 6 decimals, not 0
     */
    public long topUp(Actor actor, String tenant, @Nullable String amount, @Nullable String note) {
        Scope scope = actor.scope();
        String found = visible(scope, tenant);
        boolean below = switch (scope.level()) {
            case PLATFORM -> directory.reseller(found).isPresent();
            case RESELLER -> directory.client(found).filter(c -> c.resellerRealm().equals(scope.tenant())).isPresent();
            default -> false;
        };
        if (!below) {
            throw new ForbiddenException(found.equals(scope.tenant()) ? "nobody tops up its own balance"
                    : scope.level() == Level.PLATFORM ? "a client's balance is its reseller's to top up"
                    : "only the platform tops up resellers, and a reseller its own clients");
        }
        Errors errors = new Errors();
        Long micros = Errors.blank(amount) ? null : Numbers.micros(amount);
        errors.check(micros != null && micros != 0, "amount", "amount.invalid",
                "an amount such as 10.00 (negative to correct a balance), at most 6 decimals, not 0");
        String text = note == null ? "" : note.strip();
        errors.check(text.length() <= NOTE_LENGTH, "note", "note.length", "at most " + NOTE_LENGTH + " characters");
        errors.throwIfAny();
        return balances.topUp(found, Objects.requireNonNull(micros), actor.email(), text);
    }

    /** A new reseller's first credit, by the platform that created it. */
    long opening(Actor actor, String realm, long micros) {
        return balances.topUp(realm, micros, actor.email(), OPENING);
    }

    /** The tenant, normalized, if the actor may see its balance. */
    private String visible(Scope actor, String tenant) {
        String normalized;
        try {
            normalized = DomainName.normalize(tenant);
        } catch (IllegalArgumentException malformed) {
            throw new NotFoundException("balance", tenant);
        }
        if (!actor.coversDomain(normalized)) {
            throw new ForbiddenException("this balance is not in your scope");
        }
        if (directory.reseller(normalized).isEmpty() && directory.client(normalized).isEmpty()) {
            throw new NotFoundException("balance", normalized);
        }
        return normalized;
    }

    private static long await(CompletableFuture<Long> balance, String what) {
        try {
            return balance.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            throw new StoreUnavailableException(what, DEADLINE, late);
        } catch (ExecutionException | CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new StoreUnavailableException(what, DEADLINE, failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException(what, DEADLINE, interrupted);
        }
    }
}
