package io.gridpbx.core.presence;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An Event header's value (RFC 6665 section 8.2.1): {@code event-type *( SEMI event-param )}, where
 * the type is a token with optional dot-separated template parts ({@code presence.winfo}) and the
 * only parameter that identifies a subscription is {@code id}. Other parameters are kept out: they
 * do not tell subscriptions apart.
 *
 * @param eventType the package name, lower case
 * @param id        the {@code id} parameter, or null
 */
public record EventHeader(String eventType, @Nullable String id) {

    private static final int LONGEST = 256;

    /**
     * Reads a header value.
     *
     * @throws IllegalArgumentException naming what is wrong, for the 400's reason phrase
     */
    public static EventHeader parse(@Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Missing Event Header");
        }
        if (value.length() > LONGEST) {
            throw new IllegalArgumentException("Event Header Too Long");
        }
        String[] parts = value.split(";", -1);
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!isEventType(type)) {
            throw new IllegalArgumentException("Bad Event Header");
        }
        String id = null;
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].strip();
            int equals = param.indexOf('=');
            String name = (equals < 0 ? param : param.substring(0, equals)).strip();
            if (name.isEmpty() || !isToken(name)) {
                throw new IllegalArgumentException("Bad Event Header Parameter");
            }
            if (name.equalsIgnoreCase("id")) {
                String given = equals < 0 ? "" : unquote(param.substring(equals + 1).strip());
                if (given.isEmpty() || !isToken(given)) {
                    throw new IllegalArgumentException("Bad Event Header id");
                }
                id = given;
            }
        }
        return new EventHeader(type, id);
    }

    /** The header as this server writes it in its NOTIFYs: the same type and id (section 8.2.1). */
    public String render() {
        return id == null ? eventType : eventType + ";id=" + id;
    }

    private static String unquote(String text) {
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
    }

    private static boolean isEventType(String type) {
        if (type.isEmpty() || type.startsWith(".") || type.endsWith(".") || type.contains("..")) {
            return false;
        }
        for (String part : type.split("\\.")) {
            if (!isToken(part)) {
                return false;
            }
        }
        return true;
    }

    /** RFC 3261 section 25.1 token characters (without the dot, which {@link #isEventType} splits on). */
    private static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "-.!%*_+`'~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
