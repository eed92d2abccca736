package io.gridpbx.core.manage;

import static io.gridpbx.core.manage.Forms.text;

import io.gridpbx.core.access.Account;
import io.gridpbx.core.access.Actor;
import io.gridpbx.core.access.AccountStore;
import io.gridpbx.core.access.Level;
import io.gridpbx.core.access.PasswordHasher;
import io.gridpbx.core.access.Scope;
import io.gridpbx.core.tenancy.DomainName;
import io.gridpbx.core.tenancy.Languages;
import io.gridpbx.core.tenancy.Platform;
import io.gridpbx.core.tenancy.Reseller;
import io.gridpbx.core.tenancy.TenantDirectory;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The platform's resellers: only the platform manages them; a reseller may read itself. Their balances
 * live in {@link io.gridpbx.core.billing.Balances}, read through {@link BalanceAdmin}: an opening balance
 * is the reseller's first top-up, and an edit never sets a balance ({@link Reseller#balanceMicros()} is
 * only what the balances were first filled from).
 */
public final class ResellerAdmin {

    private final TenantDirectory directory;
    private final AccountStore accounts;
    private final PasswordHasher hasher;
    private final LogoStore logos;
    private final BalanceAdmin balances;

    /**
     * @param logos    the resellers' logos, which go with their reseller
     * @param balances the resellers' balances, shown with them
     */
    public ResellerAdmin(TenantDirectory directory, AccountStore accounts, PasswordHasher hasher, LogoStore logos,
            BalanceAdmin balances) {
        this.directory = directory;
        this.accounts = accounts;
        this.hasher = hasher;
        this.logos = logos;
        this.balances = balances;
    }

    /**
     * A reseller as its list shows it.
     *
     * @param balanceMicros its balance; null when the balances did not answer in time
     */
    public record Row(Reseller reseller, int clients, @Nullable Long balanceMicros) {
    }

    /** The resellers the actor sees, a page of them, each with its clients counted and its balance read. */
    public Page<Row> list(Scope actor, String search, int offset, int limit) {
        List<Reseller> visible = switch (actor.level()) {
            case PLATFORM -> directory.resellers();
            case RESELLER -> directory.reseller(actor.tenant()).stream().toList();
            default -> throw new ForbiddenException("only the platform and resellers see resellers");
        };
        String needle = search.trim().toLowerCase(Locale.ROOT);
        Page<Reseller> page = Page.of(visible, r -> matches(r, needle), Comparator.comparing(Reseller::realm),
                offset, limit);
        Map<String, Long> balance = balances.balances(actor, page.items().stream().map(Reseller::realm).toList());
        return new Page<>(page.items().stream().map(r -> new Row(r, directory.clientsOf(r.realm()).size(),
                balance.get(r.realm()))).toList(), page.offset(), page.limit(), page.total());
    }

    public Reseller get(Scope actor, String realm) {
        return find(actor, realm).orElseThrow(() -> new NotFoundException("reseller", realm));
    }

    /** One reseller as its list would show it; its balance must answer (503 when the grid does not). */
    public Row row(Scope actor, String realm) {
        Reseller reseller = get(actor, realm);
        return new Row(reseller, directory.clientsOf(reseller.realm()).size(),
                balances.balance(actor, reseller.realm()));
    }

    /**
     * Creates a reseller and its portal login; a non-zero {@link ResellerForm#balance()} is its opening
     * balance, topped up through the balances (audited as the actor's "opening balance") once it exists.
     */
    public Reseller create(Actor actor, ResellerForm form) {
        Platform platform = requirePlatform(actor.scope());
        Errors errors = new Errors();
        String realm = normalizedRealm(form.realm(), platform, errors);
        errors.check(errors.has("realm") || directory.reseller(realm).isEmpty(), "realm", "realm.taken",
                "a reseller already has this realm");
        Accounts.checkPassword(errors, "password", text(form.password()), false);
        Long opening = Errors.blank(form.balance()) ? Long.valueOf(0) : Numbers.micros(text(form.balance()));
        errors.check(opening != null, "balance", "balance.invalid", "an amount such as 12.50");
        Reseller reseller = validated(form, realm, platform, 0, null, errors);
        directory.saveReseller(reseller);
        accounts.save(new Account(text(reseller.email()), hasher.hash(text(form.password())), Scope.reseller(realm),
                reseller.language(), 0, null));
        if (opening != null && opening != 0) {
            balances.opening(actor, realm, opening);
        }
        return reseller;
    }

    /** Changes a reseller; its balance changes by top-ups only, so a form that sets one is refused on it. */
    public Reseller update(Scope actor, String realm, ResellerForm form) {
        Platform platform = requirePlatform(actor);
        Reseller current = get(actor, realm);
        Errors errors = new Errors();
        String password = text(form.password());
        Accounts.checkPassword(errors, "password", password, true);
        errors.check(Errors.blank(form.balance()), "balance", "balance.top-up-only",
                "a balance changes by top-ups only: POST /api/v1/balances/" + current.realm() + "/top-ups");
        Reseller updated = validated(form, current.realm(), platform, current.balanceMicros(), current.email(), errors);
        directory.saveReseller(updated);
        Accounts.rekey(accounts, hasher, current.email(), updated.email(), Scope.reseller(current.realm()),
                updated.language(), password);
        return updated;
    }

    public void delete(Scope actor, String realm) {
        requirePlatform(actor);
        Reseller reseller = get(actor, realm);
        if (!directory.clientsOf(reseller.realm()).isEmpty()) {
            throw new ConflictException("reseller.has-clients", "delete the reseller's clients first");
        }
        directory.deleteReseller(reseller.realm());
        accounts.withHome(Scope.reseller(reseller.realm())).forEach(a -> accounts.delete(a.email()));
        // A reseller created later with the same realm must not inherit this one's brand.
        logos.delete(reseller.realm());
    }

    private Optional<Reseller> find(Scope actor, String realm) {
        try {
            String normalized = DomainName.normalize(realm);
            if (!actor.coversDomain(normalized)) {
                return Optional.empty();
            }
            return directory.reseller(normalized);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private Platform requirePlatform(Scope actor) {
        if (actor.level() != Level.PLATFORM) {
            throw new ForbiddenException("only the platform manages resellers");
        }
        return directory.platform().orElseThrow(() -> new ConflictException("platform.missing", "no platform yet"));
    }

    private String normalizedRealm(@Nullable String typed, Platform platform, Errors errors) {
        String text = text(typed);
        if (!text.isEmpty() && !text.contains(".")) {
            text = text + "." + platform.domain();
        }
        try {
            String realm = DomainName.normalize(text);
            errors.check(DomainName.isDirectChild(realm, platform.domain()), "realm", "realm.placement",
                    "must be one label below " + platform.domain());
            return realm;
        } catch (IllegalArgumentException e) {
            errors.check(false, "realm", "realm.invalid", "letters, digits and hyphens, e.g. acme." + platform.domain());
            return "invalid." + platform.domain();
        }
    }

    /** @param balanceMicros kept as it was: the seed the balances were first filled from, never set here */
    private Reseller validated(ResellerForm form, String realm, Platform platform, long balanceMicros,
            @Nullable String currentEmail, Errors errors) {
        String name = text(form.name());
        errors.check(!name.isEmpty() && name.length() <= 200, "name", "name.required", "1 to 200 characters");
        String email = Account.normalizeEmail(text(form.email()));
        Accounts.checkEmail(errors, accounts, email, currentEmail);
        BigDecimal discount = Numbers.decimal(form.discountPercent(), BigDecimal.ZERO);
        errors.check(discount != null && discount.signum() >= 0 && discount.compareTo(BigDecimal.valueOf(100)) <= 0
                && discount.scale() <= 2, "discountPercent", "discount.range", "a number from 0 to 100");
        String language = form.language() == null || form.language().isBlank() ? Languages.DEFAULT : form.language();
        errors.check(Languages.isSupported(language), "language", "language.unsupported",
                "one of " + Languages.SUPPORTED);
        errors.throwIfAny();
        return new Reseller(realm, name, platform.domain(), email, discount, balanceMicros, language);
    }

    private static boolean matches(Reseller r, String needle) {
        return needle.isEmpty() || r.realm().contains(needle) || r.name().toLowerCase(Locale.ROOT).contains(needle)
                || r.email() != null && r.email().contains(needle);
    }

}
