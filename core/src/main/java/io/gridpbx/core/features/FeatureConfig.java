package io.gridpbx.core.features;

import io.gridpbx.core.access.Scope;
import io.gridpbx.core.access.Secrets;
import io.gridpbx.core.location.AddressOfRecord;
import io.gridpbx.core.manage.Errors;
import io.gridpbx.core.manage.ForbiddenException;
import io.gridpbx.core.manage.NotFoundException;
import io.gridpbx.core.manage.Numbers;
import io.gridpbx.core.tenancy.TenantDirectory;
import io.gridpbx.core.tenancy.User;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Lists, reads, creates, changes and deletes the configuration objects the actor's own level owns.
 * Another owner's object is "not found"; a kind of another level is "forbidden"; every field is
 * checked against its {@link FieldSpec} and nothing is saved while one is wrong.
 */
public final class FeatureConfig {

    private static final Pattern DIGITS = Pattern.compile("[0-9*#]{1,20}");
    private static final Pattern DESTINATION = Pattern.compile("[0-9+*#]{1,32}|sips?:[^\\s@]{1,64}@[A-Za-z0-9.-]{1,253}(:\\d{1,5})?");
    private static final Pattern URL = Pattern.compile("https?://[^\\s]{1,250}");
    /** A number of the public network without its plus: country code first, 7 to 15 digits (ITU-T E.164). */
    private static final Pattern E164 = Pattern.compile("[1-9][0-9]{6,14}");

    private final ConfigStore store;
    private final TenantDirectory directory;
    private final TenantFields tenants;
    private final BillingFields billing;
    private final CallCounts counts;

    /**
     * @param counts the grid's counts of concurrent calls, shown beside each cap ({@link #callsNow})
     */
    public FeatureConfig(ConfigStore store, TenantDirectory directory, CallCounts counts) {
        this.store = store;
        this.directory = directory;
        this.tenants = new TenantFields(store, directory);
        this.billing = new BillingFields(store);
        this.counts = counts;
    }

    /** Where no grid counts calls: the caps' counts are unknown. */
    public FeatureConfig(ConfigStore store, TenantDirectory directory) {
        this(store, directory, CallCounts.NONE);
    }

    public List<ConfigObject> list(Scope actor, ConfigKind kind) {
        requireOwner(actor, kind);
        return store.of(kind, actor).stream().sorted(Comparator.comparing(ConfigObject::label)).toList();
    }

    public ConfigObject get(Scope actor, ConfigKind kind, String id) {
        requireOwner(actor, kind);
        return store.find(ConfigObject.key(kind, actor, id)).orElseThrow(() -> new NotFoundException(kind.path(), id));
    }

    /** The settings-like object of a single kind, empty values when never saved. */
    public ConfigObject single(Scope actor, ConfigKind kind) {
        requireOwner(actor, kind);
        return store.find(ConfigObject.key(kind, actor, ConfigObject.SINGLE_ID))
                .orElse(new ConfigObject(kind, ConfigObject.SINGLE_ID, actor, Map.of()));
    }

    /** A reseller's brand as its own screens and its clients' and users' screens show it. */
    public record Branding(String brandName, @org.jspecify.annotations.Nullable String logoUrl) {
    }

    /** The branding of the reseller above the actor (or the actor itself), if that reseller set one. */
    public java.util.Optional<Branding> brandingFor(Scope actor) {
        return actor.resellerRealm().flatMap(realm -> store.find(
                        ConfigObject.key(ConfigKind.RESELLER_SETTINGS, Scope.reseller(realm), ConfigObject.SINGLE_ID))
                .map(o -> new Branding(o.values().getOrDefault("brandName", realm), o.values().get("logoUrl"))));
    }

    /**
     * The calls the grid counts now against each cap of concurrent calls among {@code objects} (the
     * actor's {@link ConfigKind#CLIENT_CALL_LIMIT} or {@link ConfigKind#RESELLER_CALL_LIMIT} objects), by
     * object id, in one read of the grid; other objects, and caps whose count is unknown, are left out.
     */
    public Map<String, Integer> callsNow(Scope actor, List<ConfigObject> objects) {
        Map<String, String> keyOfId = new LinkedHashMap<>();
        for (ConfigObject object : objects) {
            if (object.owner().equals(actor)) {
                CallCaps.countKey(object).ifPresent(key -> keyOfId.put(object.id(), key));
            }
        }
        if (keyOfId.isEmpty()) {
            return Map.of();
        }
        Map<String, Integer> counted = counts.counts(keyOfId.values().stream().distinct().toList());
        Map<String, Integer> byId = new LinkedHashMap<>();
        keyOfId.forEach((id, key) -> {
            Integer calls = counted.get(key);
            if (calls != null) {
                byId.put(id, calls);
            }
        });
        return byId;
    }

    public ConfigObject create(Scope actor, ConfigKind kind, Map<String, String> raw) {
        requireOwner(actor, kind);
        String id = kind.single() ? ConfigObject.SINGLE_ID : Secrets.newToken().substring(0, 10);
        ConfigObject object = new ConfigObject(kind, id, actor, validated(actor, kind, id, raw));
        store.save(object);
        return object;
    }

    public ConfigObject update(Scope actor, ConfigKind kind, String id, Map<String, String> raw) {
        ConfigObject current = kind.single() ? single(actor, kind) : get(actor, kind, id);
        ConfigObject updated = new ConfigObject(kind, current.id(), actor, validated(actor, kind, current.id(), raw));
        store.save(updated);
        return updated;
    }

    /** Deletes one of the actor's objects; a billing profile that rates or clients' billing name is kept (conflict). */
    public void delete(Scope actor, ConfigKind kind, String id) {
        ConfigObject object = get(actor, kind, id);
        billing.checkDelete(object);
        store.delete(object.key());
    }

    private static void requireOwner(Scope actor, ConfigKind kind) {
        if (kind.dedicated()) {
            throw new NotFoundException("configuration kind", kind.path());
        }
        if (actor.level() != kind.owner()) {
            throw new ForbiddenException(kind.path() + " belong to the " + kind.owner().name().toLowerCase(Locale.ROOT)
                    + " level");
        }
    }

    /** The checked values of the object {@code id} (a new one's id when created), or every field error at once. */
    private Map<String, String> validated(Scope actor, ConfigKind kind, String id, Map<String, String> raw) {
        Errors errors = new Errors();
        Map<String, String> values = new LinkedHashMap<>();
        for (FieldSpec field : kind.fields()) {
            String text = raw.getOrDefault(field.name(), "");
            text = text == null ? "" : text.trim();
            if (field.type() == FieldType.BOOLEAN) {
                values.put(field.name(), Boolean.toString(Boolean.parseBoolean(text) || "on".equals(text)));
                continue;
            }
            if (text.isEmpty()) {
                errors.check(!field.required(), field.name(), "required", "required");
                continue;
            }
            String checked = checked(actor, field, text, errors);
            if (checked != null) {
                values.put(field.name(), checked);
            }
        }
        List<String> unknown = raw.keySet().stream()
                .filter(name -> kind.fields().stream().noneMatch(f -> f.name().equals(name))).toList();
        errors.check(unknown.isEmpty(), unknown.isEmpty() ? "-" : unknown.getFirst(), "field.unknown",
                "not a field of " + kind.path());
        if (kind == ConfigKind.NUMBER_PORT && values.containsKey("status")) {
            errors.check(NumberPorts.RESELLER_STATUSES.contains(values.get("status")), "status", "status.platform-only",
                    "a reseller keeps a request a draft or submits it; the platform decides the rest");
        }
        switch (kind) {
            case DIAL_PLAN -> DialPlanFields.check(values, errors);
            case PORTED_NUMBER -> checkPorted(id, values, errors);
            case CLIENT_CALL_LIMIT, RESELLER_CALL_LIMIT -> tenants.check(actor, kind, id, values, errors);
            case CLIENT_BILLING -> {
                tenants.check(actor, kind, id, values, errors);
                billing.check(actor, kind, id, values, errors);
            }
            case BILLING_PROFILE, RATE -> billing.check(actor, kind, id, values, errors);
            case GATEWAY_CALL_LIMIT -> checkOneCapPerGateway(actor, id, values, errors);
            default -> { }
        }
        errors.throwIfAny();
        return values;
    }

    private @org.jspecify.annotations.Nullable String checked(Scope actor, FieldSpec field, String text, Errors errors) {
        String name = field.name();
        switch (field.type()) {
            case TEXT -> errors.check(text.length() <= field.max(), name, "text.length", "at most " + field.max() + " characters");
            case INTEGER -> {
                Integer value = Numbers.integer(text, 0);
                errors.check(value != null && value >= field.min() && value <= field.max(), name, "integer.range",
                        "a whole number from " + field.min() + " to " + field.max());
                // Plain decimal, as ConfigObject promises: DialPlan.fromSettings reads no "+9" or "009".
                return value == null ? null : value.toString();
            }
            case CHOICE -> errors.check(field.choices().contains(text), name, "choice.invalid",
                    "one of " + String.join(", ", field.choices()));
            case DIGITS -> errors.check(DIGITS.matcher(text).matches(), name, "digits.invalid", "1 to 20 digits, * or #");
            case DESTINATION -> errors.check(DESTINATION.matcher(text.replace(" ", "")).matches(), name,
                    "target.invalid", "a phone number or a sip: address");
            case URL -> errors.check(URL.matcher(text).matches(), name, "url.invalid", "an http:// or https:// address");
            case MONEY -> {
                BigDecimal amount = Numbers.decimal(text, BigDecimal.ZERO);
                errors.check(amount != null && amount.signum() >= 0 && amount.scale() <= 6, name, "money.invalid",
                        "an amount such as 0.012");
                return amount == null ? null : amount.toPlainString();
            }
            case EXTENSION -> errors.check(isExtension(actor, text), name, "extension.unknown", "no such extension");
            case EXTENSIONS -> {
                List<String> members = Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
                errors.check(!members.isEmpty() && members.stream().allMatch(m -> isExtension(actor, m)), name,
                        "extension.unknown", "extensions of this client, separated by commas");
                return String.join(",", members);
            }
            case BOOLEAN -> { }
        }
        return field.type() == FieldType.DESTINATION ? text.replace(" ", "") : text;
    }

    /**
     * A ported number is E.164 (the call path looks it up by the dialled number's E.164 form, and routes
     * match its routing number as one), says where its calls go, and is listed once: the trunking index
     * keeps one entry per number, so a second would silently replace the first.
     */
    /** A gateway capped twice would be capped by the lower on the call path while the admin shows either. */
    private void checkOneCapPerGateway(Scope actor, String id, Map<String, String> values, Errors errors) {
        String gateway = values.getOrDefault("gateway", "").strip();
        values.put("gateway", gateway);
        boolean taken = store.of(ConfigKind.GATEWAY_CALL_LIMIT, actor).stream()
                .anyMatch(o -> !o.id().equals(id) && gateway.equals(o.values().getOrDefault("gateway", "").strip()));
        errors.check(!taken, "gateway", "call-limit.gateway-taken", "this gateway already has a call limit: change that one");
    }

    private void checkPorted(String id, Map<String, String> values, Errors errors) {
        for (String name : List.of("number", "routingNumber")) {
            String digits = values.get(name);
            if (digits != null) {
                errors.check(E164.matcher(digits).matches(), name, "e164.invalid", "7 to 15 digits, no leading 0");
            }
        }
        errors.check(values.containsKey("routingNumber") || values.containsKey("gateway"), "routingNumber",
                "ported.route-missing", "a routing number or a gateway");
        String number = values.get("number");
        if (number != null && !errors.has("number")) {
            errors.check(store.all(ConfigKind.PORTED_NUMBER).stream()
                            .noneMatch(o -> !o.id().equals(id) && number.equals(o.values().get("number"))),
                    "number", "ported.number-taken", "this number is already listed as ported");
        }
    }

    private boolean isExtension(Scope actor, String extension) {
        return User.isValidExtension(extension)
                && directory.user(new AddressOfRecord(extension, actor.domain())).isPresent();
    }
}
