package io.gridpbx.node.provisioning;

import com.samskivert.mustache.BasicCollector;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import io.gridpbx.core.provisioning.FetchResult;
import io.gridpbx.core.provisioning.PhoneVendor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders phone configurations with Mustache: the reseller's template when it has one for the phone,
 * the vendor's default otherwise (resources beside this class). Values are escaped for the file's
 * syntax: XML entities in {@code .xml}, and line breaks removed in the {@code key = value} files,
 * so a display name cannot add a setting. A reseller template that fails to render falls back to the
 * default, logged, so a typo in a template does not leave phones without service.
 */
final class PhoneTemplates {

    private static final Logger LOG = LoggerFactory.getLogger(PhoneTemplates.class);

    private static final Mustache.Escaper XML = text -> text.replace("&", "&amp;").replace("<", "&lt;")
            .replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;").replaceAll("[\\r\\n]", " ");
    /**
     * Maps, lists and plain values only: no reflection, so a reseller's template reads the variables it
     * is given and nothing else ({@code {{password.class.classLoader}}} is empty, not a class loader).
     */
    private static final Mustache.Collector VARIABLES_ONLY = new BasicCollector() {
        @Override
        public <K, V> Map<K, V> createFetcherCache() {
            return new ConcurrentHashMap<>();
        }
    };
    private static final Mustache.Escaper LINE = text -> text.replaceAll("[\\r\\n]", " ");

    private final Map<PhoneVendor, String> defaults = new EnumMap<>(PhoneVendor.class);
    private final String polycomMaster = resource("polycom-master.mustache");
    private final String yealinkCommon = resource("yealink-common.mustache");

    PhoneTemplates() {
        for (PhoneVendor vendor : PhoneVendor.values()) {
            defaults.put(vendor, resource(vendor.id() + ".mustache"));
        }
    }

    String render(FetchResult.Config served) {
        Map<String, Object> variables = served.config().variables();
        Mustache.Compiler compiler = compiler(served.fileName());
        PhoneVendor vendor = served.config().vendor();
        if (vendor == PhoneVendor.POLYCOM && !served.fileName().endsWith("-phone.cfg")) {
            // Polycom's <mac>.cfg is the master file: it names the files that hold the settings.
            return compiler.compile(polycomMaster).execute(variables);
        }
        String own = served.template();
        if (own != null) {
            try {
                return compiler.compile(own).execute(variables);
            } catch (MustacheException bad) {
                LOG.warn("template for {} phone {} does not render ({}): the default is served", vendor.id(),
                        served.config().mac(), bad.getMessage());
            }
        }
        return compiler.compile(defaults.get(vendor)).execute(variables);
    }

    String renderCommon(FetchResult.Common common) {
        return switch (common.vendor()) {
            case YEALINK -> yealinkCommon;
            case POLYCOM -> Mustache.compiler().withCollector(VARIABLES_ONLY).compile(polycomMaster)
                    .execute(Map.of("mac", "[PHONE_MAC_ADDRESS]"));
            default -> "";
        };
    }

    static String contentType(String fileName) {
        return fileName.endsWith(".xml") || fileName.startsWith("cfg") ? "application/xml;charset=UTF-8"
                : "text/plain;charset=UTF-8";
    }

    private static Mustache.Compiler compiler(String fileName) {
        boolean xml = fileName.endsWith(".xml") || fileName.startsWith("cfg") || fileName.endsWith("-phone.cfg");
        return Mustache.compiler().withCollector(VARIABLES_ONLY).withEscaper(xml ? XML : LINE).defaultValue("")
                .emptyStringIsFalse(true);
    }

    private static String resource(String name) {
        try (InputStream in = PhoneTemplates.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing template resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
