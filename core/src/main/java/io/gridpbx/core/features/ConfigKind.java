package io.gridpbx.core.features;

import static io.gridpbx.core.features.FieldSpec.choice;
import static io.gridpbx.core.features.FieldSpec.flag;
import static io.gridpbx.core.features.FieldSpec.number;
import static io.gridpbx.core.features.FieldSpec.of;
import static io.gridpbx.core.features.FieldSpec.text;

import io.gridpbx.core.access.Level;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of configuration object, who owns them and their fields. The first field is the
 * object's name in lists. A {@code single} kind has one object per owner (its settings).
 */
public enum ConfigKind {

    PLATFORM_SETTINGS(Level.PLATFORM, true, List.of(text("name", true, 100), choice("currency", "USD", "EUR", "CAD", "GBP"),
            choice("defaultLanguage", "en", "fr"), text("supportEmail", false, 254), number("maxCallSeconds", true, 60, 86_400))),
    PROVISIONING_TEMPLATE(Level.RESELLER, false, List.of(text("name", true, 100),
            choice("vendor", "yealink", "polycom", "grandstream", "cisco", "snom", "generic"),
            text("model", true, 50), text("firmwareUrl", false, 255), text("template", true, 20_000))),
    USER_PROFILE(Level.RESELLER, false, List.of(text("name", true, 100), number("maxCalls", true, 1, 100),
            flag("international"), flag("voicemail"), flag("recording"), flag("premium"))),
    BILLING_PROFILE(Level.RESELLER, false, List.of(text("name", true, 100), choice("currency", "USD", "EUR", "CAD", "GBP"),
            number("incrementSeconds", true, 1, 60), number("minimumSeconds", true, 0, 60),
            of("connectionFee", FieldType.MONEY, false))),
    /** How a reseller bills one of its clients: the billing profile that rates its calls, prepaid or postpaid. */
    CLIENT_BILLING(Level.RESELLER, false, List.of(text("client", true, 253), text("billingProfile", true, 100),
            choice("mode", "prepaid", "postpaid"), of("creditLimit", FieldType.MONEY, false))),
    RATE(Level.RESELLER, false, List.of(text("description", true, 100), text("billingProfile", true, 100),
            of("prefix", FieldType.DIGITS, true), of("pricePerMinute", FieldType.MONEY, true))),
    NUMBER_PORT(Level.RESELLER, false, List.of(of("number", FieldType.DIGITS, true), text("losingCarrier", true, 100),
            text("accountNumber", false, 50), choice("status", "draft", "submitted", "accepted", "completed", "rejected"))),
    /** A number ported away from its carrier: calls to it follow its routing number or go to one gateway. */
    PORTED_NUMBER(Level.PLATFORM, false, List.of(of("number", FieldType.DIGITS, true),
            of("routingNumber", FieldType.DIGITS, false), text("gateway", false, 64))),
    /** The platform's cap on a reseller's concurrent calls, all its clients together. */
    RESELLER_CALL_LIMIT(Level.PLATFORM, false, List.of(text("reseller", true, 253), number("maxCalls", true, 1, 1_000_000))),
    /** The platform's cap on the concurrent calls of one of its gateways (its carrier's channels). */
    GATEWAY_CALL_LIMIT(Level.PLATFORM, false, List.of(text("gateway", true, 64), number("maxCalls", true, 1, 1_000_000))),
    /** A reseller's cap on one of its clients' concurrent calls, and on the calls it starts each second. */
    CLIENT_CALL_LIMIT(Level.RESELLER, false, List.of(text("client", true, 253), number("maxCalls", true, 1, 100_000),
            number("callsPerSecond", false, 1, 10_000))),
    RESELLER_SETTINGS(Level.RESELLER, true, List.of(text("brandName", true, 100), of("logoUrl", FieldType.URL, false),
            text("supportEmail", false, 254), choice("defaultLanguage", "en", "fr"))),
    /** How the client's users dial the PSTN ({@code io.gridpbx.core.trunking.DialPlan}). */
    DIAL_PLAN(Level.CLIENT, true, List.of(of("countryCode", FieldType.DIGITS, true), of("nationalPrefix", FieldType.DIGITS, false),
            of("internationalPrefix", FieldType.DIGITS, true), number("nationalLength", true, 0, 14),
            of("areaCode", FieldType.DIGITS, false), text("emergencyNumbers", true, 100),
            text("tollFreePrefixes", false, 500), text("premiumPrefixes", false, 500))),
    CONFERENCE(Level.CLIENT, false, List.of(text("name", true, 100), of("number", FieldType.DIGITS, true),
            of("pin", FieldType.DIGITS, false), number("maxMembers", true, 2, 100), flag("record"))),
    RING_GROUP(Level.CLIENT, false, List.of(text("name", true, 100), of("number", FieldType.DIGITS, true),
            choice("strategy", "ringall", "sequential", "random"), of("members", FieldType.EXTENSIONS, true),
            number("ringSeconds", true, 5, 300), of("noAnswerDestination", FieldType.DESTINATION, false))),
    MUSIC_ON_HOLD(Level.CLIENT, false, List.of(text("name", true, 100), choice("mode", "files", "stream"),
            of("streamUrl", FieldType.URL, false), flag("random"))),
    IVR_MENU(Level.CLIENT, false, List.of(text("name", true, 100), of("number", FieldType.DIGITS, true),
            text("greeting", true, 255), text("options", true, 1_000), number("timeoutSeconds", true, 1, 60),
            of("timeoutDestination", FieldType.DESTINATION, false))),
    FEATURE_CODE(Level.CLIENT, false, List.of(of("code", FieldType.DIGITS, true),
            choice("action", "voicemail", "dnd-on", "dnd-off", "forward-on", "forward-off", "call-pickup", "intercom",
                    "park", "record"), flag("enabled"))),
    PERSONAL_CONFERENCE(Level.USER, false, List.of(text("name", true, 100), of("pin", FieldType.DIGITS, true),
            number("maxMembers", true, 2, 20))),
    FOLLOW_ME(Level.USER, true, List.of(flag("enabled"), of("number", FieldType.DESTINATION, true),
            number("delaySeconds", true, 0, 120), flag("pressOneToAccept"))),
    MY_PHONE(Level.USER, true, List.of(text("model", true, 50), text("mac", false, 17),
            of("blfKeys", FieldType.EXTENSIONS, false), text("timeZone", false, 64))),
    /**
     * Who may watch the user's presence ({@code io.gridpbx.core.presence.PresenceRules}): the colleagues it
     * blocks and the outsiders it allows, addresses of record separated by commas. Kept by its own service,
     * which ends the subscriptions a change refuses, so the generic forms and API do not offer it.
     */
    PRESENCE_RULES(Level.USER, true, List.of(text("blocked", false, 20_000), text("allowed", false, 20_000)));

    private final Level owner;
    private final boolean single;
    private final List<FieldSpec> fields;

    ConfigKind(Level owner, boolean single, List<FieldSpec> fields) {
        this.owner = owner;
        this.single = single;
        this.fields = fields;
    }

    public Level owner() {
        return owner;
    }

    /** One object per owner: its id is always {@link ConfigObject#SINGLE_ID}. */
    public boolean single() {
        return single;
    }

    public List<FieldSpec> fields() {
        return fields;
    }

    /** Whether a service of its own keeps its objects: the generic forms, lists and API leave it out. */
    public boolean dedicated() {
        return this == PRESENCE_RULES;
    }

    /** Whether its objects cap concurrent calls: their lists show the calls each counts now. */
    public boolean capsCalls() {
        return this == CLIENT_CALL_LIMIT || this == RESELLER_CALL_LIMIT || this == GATEWAY_CALL_LIMIT;
    }

    /** The name in URLs and the API: {@code ring-groups} for RING_GROUP. */
    public String path() {
        String base = name().toLowerCase(Locale.ROOT).replace('_', '-');
        return single || base.endsWith("settings") || this == MUSIC_ON_HOLD ? base : base + "s";
    }

    /** The kind a URL names; a {@link #dedicated()} kind is named by none. */
    public static Optional<ConfigKind> byPath(String path) {
        for (ConfigKind kind : values()) {
            if (kind.path().equals(path) && !kind.dedicated()) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
