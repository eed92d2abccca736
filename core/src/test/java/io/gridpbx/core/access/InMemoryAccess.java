package io.gridpbx.core.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The access ports held in plain maps, for tests of the services above them. */
public final class InMemoryAccess implements AccountStore, AuditLog, ApiTokenStore, PasswordResets, ResetMailer {

    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final List<AuditEntry> audit = new CopyOnWriteArrayList<>();
    private final Map<String, ApiToken> tokens = new ConcurrentHashMap<>();
    private final Map<String, Pending> resets = new ConcurrentHashMap<>();
    private final List<String> mailedTokens = new CopyOnWriteArrayList<>();

    @Override
    public Optional<Account> find(String email) {
        return Optional.ofNullable(accounts.get(email));
    }

    @Override
    public void save(Account account) {
        accounts.put(account.email(), account);
    }

    @Override
    public void delete(String email) {
        accounts.remove(email);
    }

    @Override
    public List<Account> withHome(Scope home) {
        return accounts.values().stream().filter(a -> a.home().equals(home)).toList();
    }

    @Override
    public List<Account> ofUsersIn(String clientDomain) {
        return accounts.values().stream().filter(a -> a.home().level() == Level.USER
                && a.home().domain().equals(clientDomain)).toList();
    }

    @Override
    public void append(AuditEntry entry) {
        audit.add(entry);
    }

    @Override
    public List<AuditEntry> recent(Scope within, int limit) {
        List<AuditEntry> all = new ArrayList<>(audit);
        return all.stream().filter(e -> within.covers(e.actingAs()))
                .sorted(Comparator.comparing(AuditEntry::at).reversed()).limit(limit).toList();
    }

    @Override
    public void save(ApiToken token) {
        tokens.put(token.secretHash(), token);
    }

    @Override
    public Optional<ApiToken> bySecretHash(String secretHash) {
        return Optional.ofNullable(tokens.get(secretHash));
    }

    @Override
    public List<ApiToken> of(Scope scope) {
        return tokens.values().stream().filter(t -> t.scope().equals(scope)).toList();
    }

    @Override
    public void remove(String secretHash) {
        tokens.remove(secretHash);
    }

    @Override
    public void put(String tokenHash, String email, Instant expiresAt) {
        resets.put(tokenHash, new Pending(email, expiresAt));
    }

    @Override
    public Optional<Pending> take(String tokenHash) {
        return Optional.ofNullable(resets.remove(tokenHash));
    }

    @Override
    public void send(String email, String language, String token) {
        mailedTokens.add(token);
    }

    public List<String> mailedTokens() {
        return mailedTokens;
    }

    public List<AuditEntry> auditEntries() {
        return audit;
    }

    /** A fast, unsalted stand-in for bcrypt: hashing is outside what these tests check. */
    public static final class FastHasher implements PasswordHasher {
        @Override
        public String hash(String password) {
            return "sha256:" + Secrets.sha256(password);
        }

        @Override
        public boolean matches(String password, String hash) {
            return hash.equals(hash(password));
        }
    }
}
