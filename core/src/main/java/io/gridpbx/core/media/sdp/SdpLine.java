package io.gridpbx.core.media.sdp;

import org.jspecify.annotations.Nullable;

/**
 * One line of a session description, {@code <type>=<value>} (RFC 8866 section 5), kept as written
 * so that a description nobody changed goes back out byte for byte.
 */
public record SdpLine(char type, String value) {

    public SdpLine {
        if (type < 'a' || type > 'z') {
            throw new IllegalArgumentException("an SDP type is one lower-case letter");
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("an SDP value holds no line break");
        }
    }

    /** An {@code a=} line, property ({@code value == null}) or value attribute (RFC 8866 section 5.13). */
    public static SdpLine attribute(String name, @Nullable String value) {
        return new SdpLine('a', value == null ? name : name + ":" + value);
    }

    /** Whether this is the attribute {@code name}, with or without a value; {@code rtcp} is not {@code rtcp-mux}. */
    public boolean isAttribute(String name) {
        return type == 'a' && (value.equals(name) || value.startsWith(name) && value.length() > name.length()
                && value.charAt(name.length()) == ':');
    }

    /** The attribute's name: the value up to the first colon. */
    public String attributeName() {
        int colon = value.indexOf(':');
        return colon < 0 ? value : value.substring(0, colon);
    }

    /** The attribute's value after the first colon, empty for a property attribute. */
    public String attributeValue() {
        int colon = value.indexOf(':');
        return colon < 0 ? "" : value.substring(colon + 1);
    }

    /** The line as sent, without its CRLF. */
    public String text() {
        return type + "=" + value;
    }
}
