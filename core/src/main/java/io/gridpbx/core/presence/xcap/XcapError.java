package io.gridpbx.core.presence.xcap;

import java.nio.charset.StandardCharsets;

/**
 * The error conditions of RFC 4825 section 11 this server reports, each the child element of an
 * {@code <xcap-error>} document sent with a 409 Conflict.
 */
public enum XcapError {
    /** The body is not well-formed XML (section 7.2 via 8.2.5). */
    NOT_WELL_FORMED("not-well-formed"),
    /** The body is not encoded in UTF-8, as every XCAP document must be (section 8.2.5). */
    NOT_UTF_8("not-utf-8"),
    /** The document does not follow its application usage's schema (section 8.2.5). */
    SCHEMA_VALIDATION_ERROR("schema-validation-error"),
    /** A constraint of the usage or of this server outside the schema (section 8.2.5): here, no DOCTYPE. */
    CONSTRAINT_FAILURE("constraint-failure");

    /** RFC 4825 section 15.2.1. */
    public static final String CONTENT_TYPE = "application/xcap-error+xml";
    static final String NAMESPACE = "urn:ietf:params:xml:ns:xcap-error";

    private final String element;

    XcapError(String element) {
        this.element = element;
    }

    public String element() {
        return element;
    }

    /** The error document, with {@code phrase} (a human-readable reason, section 11) when not blank. */
    public byte[] toXml(String phrase) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xcap-error xmlns=\"")
                .append(NAMESPACE).append("\"><").append(element);
        if (!phrase.isBlank()) {
            xml.append(" phrase=\"").append(escape(phrase)).append('"');
        }
        return xml.append("/></xcap-error>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c);
            }
        });
        return out.toString();
    }
}
