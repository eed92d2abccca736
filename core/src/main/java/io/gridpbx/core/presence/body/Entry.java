package io.gridpbx.core.presence.body;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One {@code entry} of a resource list (RFC 4826 §3.2): a resource's URI, which here must be a
 * {@code sip:}, {@code sips:} or {@code tel:} URI (the resources a SIP RLS can subscribe to), and an
 * optional display name.
 */
public record Entry(String uri, @Nullable String displayName) {

    public Entry {
        Objects.requireNonNull(uri, "uri");
        if (!subscribable(uri)) {
            throw new IllegalArgumentException("an entry is a sip:, sips: or tel: URI, not " + uri);
        }
    }

    static boolean subscribable(String uri) {
        String lower = uri.toLowerCase(Locale.ROOT);
        return (lower.startsWith("sip:") || lower.startsWith("sips:") || lower.startsWith("tel:"))
                && lower.length() > lower.indexOf(':') + 1 && uri.chars().noneMatch(Character::isWhitespace);
    }

    void write(XmlWriter xml, String prefix) {
        if (displayName == null) {
            xml.empty(prefix + "entry", "uri", uri);
        } else {
            xml.open(prefix + "entry", "uri", uri).text(prefix + "display-name", displayName).close(prefix + "entry");
        }
    }
}
