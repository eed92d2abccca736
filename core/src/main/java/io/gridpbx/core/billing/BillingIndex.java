package io.gridpbx.core.billing;

import io.gridpbx.core.features.ConfigKind;
import io.gridpbx.core.features.ConfigObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * This node's copy of the billing configuration (billing profiles, their rates, clients' billing
 * accounts), kept current by the changes its owner feeds in and answering the call path from memory.
 * A profile's tariff is built once and kept until one of its objects changes.
 */
public final class BillingIndex implements BillingView {

    private record Profile(String reseller, String name, int increment, int minimum, long feeMicros) {
    }

    private record RateEntry(String reseller, String profile, Rate rate) {
    }

    private final Map<String, Profile> profiles = new ConcurrentHashMap<>();
    private final Map<String, RateEntry> rates = new ConcurrentHashMap<>();
    private final Map<String, BillingAccount> accountsByKey = new ConcurrentHashMap<>();
    private final Map<String, BillingAccount> accounts = new ConcurrentHashMap<>();
    /** {@code reseller|profile-name} → its tariff as built; cleared by any change. */
    private final Map<String, Optional<Tariff>> tariffs = new ConcurrentHashMap<>();

    @Override
    public Optional<BillingAccount> account(String clientDomain) {
        return Optional.ofNullable(accounts.get(clientDomain));
    }

    @Override
    public Optional<Tariff> tariff(String resellerRealm, String name) {
        return tariffs.computeIfAbsent(resellerRealm + "|" + name, ignored -> build(resellerRealm, name));
    }

    private Optional<Tariff> build(String reseller, String name) {
        Optional<Profile> profile = profiles.values().stream()
                .filter(p -> p.reseller().equals(reseller) && p.name().equals(name)).findFirst();
        if (profile.isEmpty()) {
            return Optional.empty();
        }
        List<Rate> of = new ArrayList<>();
        for (RateEntry entry : rates.values()) {
            if (entry.reseller().equals(reseller) && entry.profile().equals(name)) {
                of.add(entry.rate());
            }
        }
        Profile p = profile.get();
        return Optional.of(new Tariff(name, p.increment(), p.minimum(), p.feeMicros(), of));
    }

    /** A configuration object saved: billing profiles, rates and client billing are kept, the rest ignored. */
    public void put(ConfigObject object) {
        String reseller = object.owner().tenant();
        Map<String, String> values = object.values();
        switch (object.kind()) {
            case BILLING_PROFILE -> {
                Integer increment = integer(values.get("incrementSeconds"));
                Integer minimum = integer(values.get("minimumSeconds"));
                Long fee = micros(values.getOrDefault("connectionFee", "0"));
                if (increment != null && increment > 0 && minimum != null && fee != null) {
                    profiles.put(object.key(), new Profile(reseller, values.getOrDefault("name", "").strip(),
                            increment, minimum, fee));
                } else {
                    profiles.remove(object.key());
                }
            }
            case RATE -> {
                Long price = micros(values.get("pricePerMinute"));
                String prefix = values.getOrDefault("prefix", "").strip();
                if (price != null && price >= 0 && !prefix.isEmpty() && prefix.chars().allMatch(Character::isDigit)) {
                    rates.put(object.key(), new RateEntry(reseller, values.getOrDefault("billingProfile", "").strip(),
                            new Rate(prefix, values.getOrDefault("description", ""), price)));
                } else {
                    rates.remove(object.key());
                }
            }
            case CLIENT_BILLING -> putAccount(object, reseller, values);
            default -> {
                return;
            }
        }
        tariffs.clear();
    }

    private void putAccount(ConfigObject object, String reseller, Map<String, String> values) {
        forgetAccount(object.key());
        String client = values.getOrDefault("client", "").strip().toLowerCase(Locale.ROOT);
        Long credit = micros(values.getOrDefault("creditLimit", "0"));
        if (!client.endsWith("." + reseller) || credit == null || credit < 0) {
            return; // a reseller bills its own clients only (the admin refuses others; an old object may not)
        }
        BillingMode mode = "postpaid".equals(values.get("mode")) ? BillingMode.POSTPAID : BillingMode.PREPAID;
        BillingAccount account = new BillingAccount(client, reseller, values.getOrDefault("billingProfile", "").strip(),
                mode, credit);
        accountsByKey.put(object.key(), account);
        accounts.put(client, account);
    }

    private void forgetAccount(String key) {
        BillingAccount before = accountsByKey.remove(key);
        if (before != null) {
            accounts.remove(before.clientDomain());
            accountsByKey.values().stream().filter(a -> a.clientDomain().equals(before.clientDomain()))
                    .findFirst().ifPresent(a -> accounts.put(a.clientDomain(), a));
        }
    }

    /** A configuration object deleted, as it was. */
    public void remove(ConfigObject object) {
        switch (object.kind()) {
            case BILLING_PROFILE -> profiles.remove(object.key());
            case RATE -> rates.remove(object.key());
            case CLIENT_BILLING -> forgetAccount(object.key());
            default -> {
                return;
            }
        }
        tariffs.clear();
    }

    /** Whether a configuration kind matters here: the owner may skip the others' events. */
    public static boolean indexes(ConfigKind kind) {
        return kind == ConfigKind.BILLING_PROFILE || kind == ConfigKind.RATE || kind == ConfigKind.CLIENT_BILLING;
    }

    /** An amount as the configuration keeps it ({@code 0.012}), in micros; null when it is not one. */
    static @Nullable Long micros(@Nullable String amount) {
        if (amount == null || amount.isBlank()) {
            return amount == null ? null : 0L;
        }
        try {
            return new BigDecimal(amount.strip()).movePointRight(6).setScale(0, java.math.RoundingMode.HALF_UP)
                    .longValueExact();
        } catch (NumberFormatException | ArithmeticException notAnAmount) {
            return null;
        }
    }

    private static @Nullable Integer integer(@Nullable String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
