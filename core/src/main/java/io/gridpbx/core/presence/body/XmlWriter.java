package io.gridpbx.core.presence.body;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Writes a UTF-8 document with its XML declaration, one element a line, escaping every value: text
 * and attributes keep {@code <&>"'} and line breaks as character references (so attribute
 * normalization cannot fold them), and characters XML 1.0 cannot carry at all become U+FFFD.
 */
final class XmlWriter {

    private final StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    private int depth;

    /** {@code <name a="v" ...>}; attributes come as name, value pairs, a null value leaves its attribute out. */
    XmlWriter open(String name, @Nullable String... attributes) {
        start(name, attributes);
        out.append(">\n");
        depth++;
        return this;
    }

    XmlWriter empty(String name, @Nullable String... attributes) {
        start(name, attributes);
        out.append("/>\n");
        return this;
    }

    /** {@code <name a="v" ...>text</name>} on one line, nothing when the text is null. */
    XmlWriter text(String name, @Nullable String text, @Nullable String... attributes) {
        if (text != null) {
            start(name, attributes);
            out.append('>');
            escape(text, false);
            out.append("</").append(name).append(">\n");
        }
        return this;
    }

    XmlWriter close(String name) {
        depth--;
        indent();
        out.append("</").append(name).append(">\n");
        return this;
    }

    byte[] bytes() {
        if (depth != 0) {
            throw new IllegalStateException(depth + " element(s) left open");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void start(String name, @Nullable String[] attributes) {
        indent();
        out.append('<').append(name);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            String value = attributes[i + 1];
            if (value != null) {
                out.append(' ').append(attributes[i]).append("=\"");
                escape(value, true);
                out.append('"');
            }
        }
    }

    private void indent() {
        out.repeat("  ", depth);
    }

    private void escape(String value, boolean attribute) {
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\r' -> out.append("&#13;");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> out.appendCodePoint(allowed(c) ? c : 0xFFFD);
            }
        }
    }

    /** The Char production of XML 1.0 §2.2 (tab, line feed and carriage return are handled above). */
    private static boolean allowed(int c) {
        return c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
    }
}
