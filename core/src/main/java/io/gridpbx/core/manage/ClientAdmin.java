package io.gridpbx.core.manage;

import static io.gridpbx.core.manage.Forms.text;

import io.gridpbx.core.access.Account;
import io.gridpbx.core.access.AccountStore;
import io.gridpbx.core.access.Level;
import io.gridpbx.core.access.PasswordHasher;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.digest.DigestAlgorithm;
import io.gridpbx.core.tenancy.NatPolicy;
import io.gridpbx.core.tenancy.Client;
import io.gridpbx.core.tenancy.DomainName;
import io.gridpbx.core.tenancy.Languages;
import io.gridpbx.core.tenancy.Reseller;
import io.gridpbx.core.tenancy.TenantDirectory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A reseller's clients: the reseller (or the platform above it) manages them; a client may read itself. */
public final class ClientAdmin {

    private final TenantDirectory directory;
    private final AccountStore accounts;
    private final PasswordHasher hasher;
    private final BalanceAdmin balances;

    /** @param balances the clients' balances, shown in their list */
    public ClientAdmin(TenantDirectory directory, AccountStore accounts, PasswordHasher hasher, BalanceAdmin balances) {
        this.directory = directory;
        this.accounts = accounts;
        this.hasher = hasher;
        this.balances = balances;
    }

    /**
     * A client as its list shows it.
     *
     * @param balanceMicros its balance; null when the balances did not answer in time
     */
    public record Row(Client client, int users, @Nullable Long balanceMicros) {
    }

    /**
     * Clients inside the actor's scope, optionally of one reseller, matching a search text: a page of them,
     * each with its users counted and its balance read.
     */
    public Page<Row> list(Scope actor, @Nullable String resellerRealm, String search, int offset, int limit) {
        List<Reseller> resellers = switch (actor.level()) {
            case PLATFORM -> resellerRealm == null || resellerRealm.isBlank() ? directory.resellers()
                    : directory.reseller(resellerRealm.trim().toLowerCase(Locale.ROOT)).stream().toList();
            case RESELLER -> directory.reseller(actor.tenant()).stream().toList();
            default -> throw new ForbiddenException("only the platform and resellers list clients");
        };
        String needle = search.trim().toLowerCase(Locale.ROOT);
        List<Client> clients = resellers.stream().flatMap(r -> directory.clientsOf(r.realm()).stream()).toList();
        Page<Client> page = Page.of(clients, c -> matches(c, needle), Comparator.comparing(Client::domain), offset, limit);
        Map<String, Long> balance = balances.balances(actor, page.items().stream().map(Client::domain).toList());
        return new Page<>(page.items().stream().map(c -> new Row(c, directory.usersOf(c.domain()).size(),
                balance.get(c.domain()))).toList(), page.offset(), page.limit(), page.total());
    }

    public Client get(Scope actor, String domain) {
        return find(actor, domain).orElseThrow(() -> new NotFoundException("client", domain));
    }

    public Client create(Scope actor, ClientForm form) {
        Reseller reseller = resellerFor(actor, form.reseller());
        Errors errors = new Errors();
        String domain = normalizedDomain(form.domain(), reseller, errors);
        errors.check(errors.has("domain") || directory.client(domain).isEmpty(), "domain", "domain.taken",
                "a client already has this domain");
        Accounts.checkPassword(errors, "password", text(form.password()), false);
        Client client = validated(form, domain, reseller, null, errors);
        directory.saveClient(client);
        accounts.save(new Account(text(client.email()), hasher.hash(text(form.password())), Scope.client(domain),
                client.language(), 0, null));
        return client;
    }

    public Client update(Scope actor, String domain, ClientForm form) {
        Client current = get(actor, domain);
        requireManager(actor);
        Reseller reseller = directory.reseller(current.resellerRealm())
                .orElseThrow(() -> new NotFoundException("reseller", current.resellerRealm()));
        Errors errors = new Errors();
        String password = text(form.password());
        Accounts.checkPassword(errors, "password", password, true);
        Client updated = validated(form, current.domain(), reseller, current.email(), errors);
        directory.saveClient(updated);
        Accounts.rekey(accounts, hasher, current.email(), updated.email(), Scope.client(current.domain()),
                updated.language(), password);
        return updated;
    }

    public void delete(Scope actor, String domain) {
        Client client = get(actor, domain);
        requireManager(actor);
        if (!directory.usersOf(client.domain()).isEmpty()) {
            throw new ConflictException("client.has-users", "delete the client's users first");
        }
        directory.deleteClient(client.domain());
        accounts.withHome(Scope.client(client.domain())).forEach(a -> accounts.delete(a.email()));
    }

    private Optional<Client> find(Scope actor, String domain) {
        try {
            String normalized = DomainName.normalize(domain);
            return actor.coversDomain(normalized) ? directory.client(normalized) : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static void requireManager(Scope actor) {
        if (!actor.level().isAbove(Level.CLIENT)) {
            throw new ForbiddenException("only the client's reseller or the platform manages a client");
        }
    }

    private Reseller resellerFor(Scope actor, @Nullable String typedRealm) {
        requireManager(actor);
        String realm = actor.level() == Level.RESELLER ? actor.tenant() : text(typedRealm).toLowerCase(Locale.ROOT);
        if (realm.isEmpty()) {
            throw new ValidationException(FieldError.of("reseller", "reseller.required", "choose the reseller"));
        }
        return directory.reseller(realm).filter(r -> actor.coversDomain(r.realm()))
                .orElseThrow(() -> new ValidationException(FieldError.of("reseller", "reseller.unknown",
                        "no such reseller")));
    }

    private static String normalizedDomain(@Nullable String typed, Reseller reseller, Errors errors) {
        String text = text(typed);
        if (!text.isEmpty() && !text.contains(".")) {
            text = text + "." + reseller.realm();
        }
        try {
            String domain = DomainName.normalize(text);
            errors.check(DomainName.isDirectChild(domain, reseller.realm()), "domain", "domain.placement",
                    "must be one label below " + reseller.realm());
            return domain;
        } catch (IllegalArgumentException e) {
            errors.check(false, "domain", "domain.invalid", "letters, digits and hyphens, e.g. office." + reseller.realm());
            return "";
        }
    }

    private Client validated(ClientForm form, String domain, Reseller reseller, @Nullable String currentEmail,
            Errors errors) {
        String name = text(form.name());
        errors.check(!name.isEmpty() && name.length() <= 200, "name", "name.required", "1 to 200 characters");
        String email = Account.normalizeEmail(text(form.email()));
        Accounts.checkEmail(errors, accounts, email, currentEmail);
        String language = text(form.language()).isEmpty() ? reseller.language() : text(form.language());
        errors.check(Languages.isSupported(language), "language", "language.unsupported", "one of " + Languages.SUPPORTED);
        Integer maxContacts = Numbers.integer(form.maxContactsPerUser(), Client.DEFAULT_MAX_CONTACTS);
        errors.check(maxContacts != null && maxContacts >= 1 && maxContacts <= 100, "maxContactsPerUser",
                "contacts.range", "a whole number from 1 to 100");
        List<DigestAlgorithm> algorithms = digestAlgorithms(form.digestAlgorithms(), errors);
        NatPolicy mediaRelay = mediaRelay(form.mediaRelay(), errors);
        errors.throwIfAny();
        return new Client(domain, name, reseller.realm(), maxContacts, email, language, algorithms, mediaRelay);
    }

    /** The policy named; none means the usual one, relaying only phones behind NAT. */
    private static NatPolicy mediaRelay(@Nullable String named, Errors errors) {
        if (named == null || named.isBlank()) {
            return NatPolicy.WHEN_NAT;
        }
        Optional<NatPolicy> policy = NatPolicy.named(named);
        errors.check(policy.isPresent(), "mediaRelay", "media.relay",
                "always, when-nat or never; none for when-nat");
        return policy.orElse(NatPolicy.WHEN_NAT);
    }

    /** The algorithms named, each once; none means the platform's default. */
    private static List<DigestAlgorithm> digestAlgorithms(@Nullable List<String> named, Errors errors) {
        List<DigestAlgorithm> algorithms = new ArrayList<>();
        for (String name : named == null ? List.<String>of() : named) {
            var algorithm = name == null ? Optional.<DigestAlgorithm>empty() : DigestAlgorithm.named(name);
            errors.check(algorithm.isPresent() && !algorithms.contains(algorithm.get()), "digestAlgorithms",
                    "digest.algorithm", "MD5, SHA-256 or both, each once; none for the platform's default");
            algorithm.ifPresent(algorithms::add);
        }
        return algorithms;
    }

    private static boolean matches(Client c, String needle) {
        return needle.isEmpty() || c.domain().contains(needle) || c.name().toLowerCase(Locale.ROOT).contains(needle)
                || c.email() != null && c.email().contains(needle);
    }
}
