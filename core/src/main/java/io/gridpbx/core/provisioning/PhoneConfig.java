package io.gridpbx.core.provisioning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The variables a phone's configuration template is rendered with: everything the phone needs to
 * register as its user and show its keys. The SIP server is the client's domain, which the cluster's
 * DNS publishes NAPTR/SRV records for, so the phone finds every live node itself.
 *
 * @param password the SIP password, null when it predates sealed passwords (the phone gets none)
 * @param codecs   in order of preference, by their RTP names (PCMU, PCMA, G722); templates get each as
 *                 {@code name}, {@code lower} and {@code polycom} (Polycom's own name), with its {@code index}
 * @param timeZone an IANA zone id, e.g. {@code Europe/Paris}
 */
public record PhoneConfig(String mac, PhoneVendor vendor, String model, String account, String extension,
        String displayName, @Nullable String password, String sipServer, int sipPort, List<String> codecs,
        String timeZone, String language, List<BlfKey> blfKeys, @Nullable String firmwareUrl) {

    public static final List<String> DEFAULT_CODECS = List.of("PCMU", "PCMA", "G722");
    /** Polycom's own codec names ({@code voice.codecPref.G711_Mu}). */
    private static final Map<String, String> POLYCOM_CODECS = Map.of("PCMU", "G711_Mu", "PCMA", "G711_A",
            "G722", "G722", "G729", "G729_AB", "OPUS", "OPUS");

    /** The variables by name, as a template engine looks them up; absent values are left out. */
    public Map<String, Object> variables() {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("mac", mac);
        vars.put("macUpper", mac.toUpperCase(java.util.Locale.ROOT));
        vars.put("vendor", vendor.id());
        vars.put("model", model);
        vars.put("account", account);
        vars.put("extension", extension);
        vars.put("displayName", displayName);
        if (password != null) {
            vars.put("password", password);
        }
        vars.put("hasPassword", password != null);
        vars.put("sipServer", sipServer);
        vars.put("sipPort", sipPort);
        vars.put("codecs", codecList());
        vars.put("timeZone", timeZone);
        vars.put("language", language);
        vars.put("languageName", java.util.Locale.forLanguageTag(language).getDisplayLanguage(java.util.Locale.ENGLISH));
        vars.put("blfKeys", blfKeyList());
        vars.put("hasBlfKeys", !blfKeys.isEmpty());
        if (firmwareUrl != null) {
            vars.put("firmwareUrl", firmwareUrl);
        }
        return vars;
    }

    private List<Map<String, Object>> codecList() {
        java.util.ArrayList<Map<String, Object>> list = new java.util.ArrayList<>();
        for (int i = 0; i < codecs.size(); i++) {
            String name = codecs.get(i);
            list.add(Map.of("index", i + 1, "name", name, "lower", name.toLowerCase(java.util.Locale.ROOT),
                    "polycom", POLYCOM_CODECS.getOrDefault(name, name)));
        }
        return list;
    }

    /** Each key with its 1-based {@code index} and 0-based {@code offset} (Snom counts keys from 0). */
    private List<Map<String, Object>> blfKeyList() {
        return blfKeys.stream().<Map<String, Object>>map(k -> Map.of("index", k.index(), "offset", k.index() - 1,
                "extension", k.extension(), "uri", k.uri(), "label", k.label())).toList();
    }
}
