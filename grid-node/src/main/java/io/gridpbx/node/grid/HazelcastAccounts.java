package io.gridpbx.node.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.gridpbx.core.access.Account;
import io.gridpbx.core.access.AccountStore;
import io.gridpbx.core.access.Level;
import io.gridpbx.core.access.PasswordResets;
import io.gridpbx.core.access.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Sign-in accounts and pending password resets in the grid; any node signs anybody in. */
public final class HazelcastAccounts implements AccountStore, PasswordResets {

    private final IMap<String, Account> accounts;
    private final IMap<String, Pending> resets;

    public HazelcastAccounts(HazelcastInstance grid) {
        this.accounts = grid.getMap(MapNames.ACCOUNTS);
        this.resets = grid.getMap(MapNames.PASSWORD_RESETS);
    }

    @Override
    public Optional<Account> find(String email) {
        return Optional.ofNullable(accounts.get(email));
    }

    @Override
    public void save(Account account) {
        accounts.set(account.email(), account);
    }

    @Override
    public void delete(String email) {
        accounts.delete(email);
    }

    @Override
    public List<Account> withHome(Scope home) {
        return List.copyOf(accounts.values(Predicates.equal("home", home.toString())));
    }

    @Override
    public List<Account> ofUsersIn(String clientDomain) {
        // The grid narrows by pattern (in LIKE, "_" would match any character: domains have none);
        // the exact test is Scope's.
        return accounts.values(Predicates.like("home", "user:%@" + clientDomain)).stream()
                .filter(a -> a.home().level() == Level.USER && a.home().domain().equals(clientDomain)).toList();
    }

    @Override
    public void put(String tokenHash, String email, Instant expiresAt) {
        long ttl = Math.max(1, Duration.between(Instant.now(), expiresAt).toSeconds());
        resets.set(tokenHash, new Pending(email, expiresAt), ttl, TimeUnit.SECONDS);
    }

    @Override
    public Optional<Pending> take(String tokenHash) {
        return Optional.ofNullable(resets.remove(tokenHash));
    }
}
