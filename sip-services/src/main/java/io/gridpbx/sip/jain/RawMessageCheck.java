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

    private RawMessageCheck() {
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
        int i = from;
        while (i < bytes.length && bytes[i] != '\r' && bytes[i] != '\n') {
            i++;
        }
        return i;
    }

    private static int next(byte[] bytes, int lineEnd) {
        if (lineEnd < bytes.length && bytes[lineEnd] == '\r') {
            lineEnd++;
        }
        if (lineEnd < bytes.length && bytes[lineEnd] == '\n') {
            lineEnd++;
        }
        return lineEnd;
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
