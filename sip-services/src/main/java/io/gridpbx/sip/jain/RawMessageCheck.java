package io.gridpbx.sip.jain;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The faults that only the raw text shows, because the RI's parser hides them: the version of the
 * start line (it reads any as SIP/2.0) and a second value of a single-valued header (it keeps one
 * silently). One pass over the header lines, no copy of the message.
 */
final class RawMessageCheck {

    /** Headers that take one value (RFC 3261 section 7.3.1), by lower-case full and compact name. */
    private static final Map<String, String> SINGLE_VALUED = Map.ofEntries(
            Map.entry("call-id", "Call-ID"), Map.entry("i", "Call-ID"),
            Map.entry("from", "From"), Map.entry("f", "From"),
            Map.entry("to", "To"), Map.entry("t", "To"),
            Map.entry("cseq", "CSeq"),
            Map.entry("max-forwards", "Max-Forwards"),
            Map.entry("content-length", "Content-Length"), Map.entry("l", "Content-Length"),
            Map.entry("content-type", "Content-Type"), Map.entry("c", "Content-Type"),
            Map.entry("expires", "Expires"));

    /** RFC 3261 section 25.1 token characters, which a method is made of. */
    private static final String TOKEN_SYMBOLS = "-.!%*_+`'~";

    private RawMessageCheck() {
    }

    /**
     * Whether the message starts (after CRLFs) with something shaped like a start line: a method
     * token (what follows may be broken or missing: that earns a 400), or {@code SIP/} and a status
     * code. A line that starts with a header name and its colon is no start line. A
     * message that does not cannot be answered: the RI's automatic 400 copies the Via and the other
     * headers from the text by position, and threw (logging the whole packet at ERROR) when the text
     * began with one of them (found by {@code SipFuzzIT}).
     */
    static boolean hasStartLine(byte[] bytes) {
        int at = 0;
        while (at < bytes.length && (bytes[at] == '\r' || bytes[at] == '\n')) {
            at++;
        }
        int end = lineEnd(bytes, at);
        String line = new String(bytes, at, end - at, StandardCharsets.ISO_8859_1).stripTrailing();
        if (line.regionMatches(true, 0, "SIP/", 0, 4)) {
            int space = line.indexOf(' ');
            return space > 4 && line.length() >= space + 4
                    && line.substring(space + 1, space + 4).chars().allMatch(Character::isDigit);
        }
        int firstSpace = line.indexOf(' ');
        int methodEnd = firstSpace < 0 ? line.length() : firstSpace;
        if (methodEnd == 0) {
            return false;
        }
        for (int i = 0; i < methodEnd; i++) {
            char c = line.charAt(i);
            if (!(c < 128 && Character.isLetterOrDigit(c)) && TOKEN_SYMBOLS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the text begins with a header the RI's automatic 400 copies by position (Via, CSeq,
     * Call-ID, From, To, matched as it matches them): its copy starts two characters before the name
     * and threw when the name was at the very start.
     */
    static boolean startsWithCopiedHeader(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 8), StandardCharsets.ISO_8859_1);
        for (String name : new String[] {"Via", "CSeq", "Call-ID", "From", "To", "\r\nVia", "\nVia"}) {
            if (head.startsWith(name) || head.length() > 1 && head.substring(1).startsWith(name)) {
                return true;
            }
        }
        return false;
    }

    static @Nullable MessageFault check(byte[] bytes) {
        int at = 0;
        while (at < bytes.length && (bytes[at] == '\r' || bytes[at] == '\n')) {
            at++; // RFC 3261 section 7.5: CRLFs before the start line are ignored
        }
        int end = lineEnd(bytes, at);
        String startLine = new String(bytes, at, end - at, StandardCharsets.ISO_8859_1).strip();
        boolean request = !startLine.regionMatches(true, 0, "SIP/", 0, 4);
        if (request) {
            int space = startLine.lastIndexOf(' ');
            if (space > 0 && !startLine.substring(space + 1).equalsIgnoreCase("SIP/2.0")) {
                return MessageFault.unsupportedVersion();
            }
        }
        Map<String, Boolean> seen = new java.util.HashMap<>(16);
        at = next(bytes, end);
        while (at < bytes.length) {
            end = lineEnd(bytes, at);
            if (end == at) {
                break; // the blank line: the body follows
            }
            int colon = indexOf(bytes, at, end, (byte) ':');
            if (colon > at && bytes[at] != ' ' && bytes[at] != '\t') {
                String name = new String(bytes, at, colon - at, StandardCharsets.ISO_8859_1).strip()
                        .toLowerCase(Locale.ROOT);
                String single = SINGLE_VALUED.get(name);
                if (single != null && seen.put(single, Boolean.TRUE) != null) {
                    return MessageFault.duplicateHeader(single);
                }
            }
            at = next(bytes, end);
        }
        return null;
    }

    private static int lineEnd(byte[] bytes, int from) {
        return lineEnd(bytes, from, bytes.length);
    }

    /** Where the line starting at {@code from} ends (its CR or LF, or {@code end}). */
    static int lineEnd(byte[] bytes, int from, int end) {
        int i = from;
        while (i < end && bytes[i] != '\r' && bytes[i] != '\n') {
            i++;
        }
        return i;
    }

    private static int next(byte[] bytes, int lineEnd) {
        return next(bytes, lineEnd, bytes.length);
    }

    /** The start of the line after the one ending at {@code lineEnd} (CRLF, or a bare LF or CR). */
    static int next(byte[] bytes, int lineEnd, int end) {
        int at = lineEnd;
        if (at < end && bytes[at] == '\r') {
            at++;
        }
        if (at < end && bytes[at] == '\n') {
            at++;
        }
        return at;
    }

    private static int indexOf(byte[] bytes, int from, int to, byte wanted) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
