package io.gridpbx.core.features;

import io.gridpbx.core.access.Scope;
import io.gridpbx.core.manage.ConflictException;
import io.gridpbx.core.manage.Errors;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The references between a reseller's billing objects. A {@link ConfigKind#RATE} and a
 * {@link ConfigKind#CLIENT_BILLING} name one of their reseller's billing profiles, written back as the
 * profile spells its name (the call path looks a profile up by its exact name); so a profile's name is
 * its reseller's once, and a name in use is neither renamed nor deleted from under what names it, which
 * would leave those clients' calls refused for want of a profile. A rate's prefix is E.164 digits (no
 * {@code *} or {@code #}, which the call path would drop), once per profile (the tariff keeps one rate
 * per prefix). A credit limit is for postpaid clients: on a prepaid one it would read as credit it does
 * not get.
 */
final class BillingFields {

    private static final Pattern PREFIX = Pattern.compile("[0-9]{1,15}");

    private final ConfigStore store;

    BillingFields(ConfigStore store) {
        this.store = store;
    }

    /** Checks the values of the billing object {@code id} (a new one's id when created) that got past their types. */
    void check(Scope actor, ConfigKind kind, String id, Map<String, String> values, Errors errors) {
        switch (kind) {
            case BILLING_PROFILE -> checkProfile(actor, id, values, errors);
            case RATE -> {
                profileNamed(actor, values, errors);
                checkPrefix(actor, id, values, errors);
            }
            case CLIENT_BILLING -> {
                profileNamed(actor, values, errors);
                checkCredit(values, errors);
            }
            default -> { }
        }
    }

    /** Refuses to delete a billing profile that rates or clients' billing still name. */
    void checkDelete(ConfigObject object) {
        if (object.kind() == ConfigKind.BILLING_PROFILE
                && inUse(object.owner(), object.values().getOrDefault("name", ""))) {
            throw new ConflictException("billing-profile.in-use",
                    "rates or clients' billing still name this profile: change or delete them first");
        }
    }

    private void checkProfile(Scope actor, String id, Map<String, String> values, Errors errors) {
        String name = values.get("name");
        if (name == null || errors.has("name")) {
            return;
        }
        errors.check(store.of(ConfigKind.BILLING_PROFILE, actor).stream()
                        .noneMatch(p -> !p.id().equals(id) && sameName(p.values().get("name"), name)),
                "name", "billing-profile.name-taken", "you already have a billing profile of this name");
        Optional<String> before = store.find(ConfigObject.key(ConfigKind.BILLING_PROFILE, actor, id))
                .map(p -> p.values().getOrDefault("name", ""));
        if (before.isPresent() && !before.get().equals(name)) {
            errors.check(!inUse(actor, before.get()), "name", "billing-profile.in-use",
                    "rates or clients' billing name this profile: keep its name");
        }
    }

    /** The profile a rate or a client's billing names: it must be one of the reseller's, spelt as it spells itself. */
    private void profileNamed(Scope actor, Map<String, String> values, Errors errors) {
        String typed = values.get("billingProfile");
        if (typed == null || errors.has("billingProfile")) {
            return;
        }
        Optional<String> name = store.of(ConfigKind.BILLING_PROFILE, actor).stream()
                .map(p -> p.values().getOrDefault("name", "")).filter(n -> sameName(n, typed)).findFirst();
        errors.check(name.isPresent(), "billingProfile", "billing-profile.unknown",
                "not one of your billing profiles: give its name");
        name.ifPresent(exact -> values.put("billingProfile", exact));
    }

    private void checkPrefix(Scope actor, String id, Map<String, String> values, Errors errors) {
        String prefix = values.get("prefix");
        if (prefix == null || errors.has("prefix")) {
            return;
        }
        errors.check(PREFIX.matcher(prefix).matches(), "prefix", "rate.prefix-invalid",
                "1 to 15 digits of the number, country code first, e.g. 44");
        String profile = values.get("billingProfile");
        if (profile == null || errors.has("prefix") || errors.has("billingProfile")) {
            return;
        }
        errors.check(store.of(ConfigKind.RATE, actor).stream().noneMatch(r -> !r.id().equals(id)
                        && prefix.equals(r.values().get("prefix")) && profile.equals(r.values().get("billingProfile"))),
                "prefix", "rate.prefix-taken", "this profile already has a rate for this prefix: change that one");
    }

    private static void checkCredit(Map<String, String> values, Errors errors) {
        String credit = values.get("creditLimit");
        if (credit == null || errors.has("creditLimit") || !"prepaid".equals(values.get("mode"))) {
            return;
        }
        errors.check(new BigDecimal(credit).signum() == 0, "creditLimit", "client-billing.credit-prepaid",
                "a credit limit is for postpaid clients: leave it blank or make the client postpaid");
    }

    private boolean inUse(Scope reseller, String name) {
        return !name.isBlank() && List.of(ConfigKind.RATE, ConfigKind.CLIENT_BILLING).stream()
                .flatMap(kind -> store.of(kind, reseller).stream())
                .anyMatch(o -> name.equals(o.values().get("billingProfile")));
    }

    private static boolean sameName(@Nullable String stored, String typed) {
        return stored != null && stored.strip().toLowerCase(Locale.ROOT).equals(typed.strip().toLowerCase(Locale.ROOT));
    }
}
