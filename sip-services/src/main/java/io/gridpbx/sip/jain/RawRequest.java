package io.gridpbx.sip.jain;

import io.gridpbx.sip.overload.Urgency;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * What the socket thread reads of a request datagram without parsing it: its method, whether it is
 * in a dialog (a To tag) or answers a challenge (credentials), and the five headers a response must
 * echo (RFC 3261 section 8.2.6.2). One pass over the header lines, nothing copied until a 503 is
 * built. It judges as {@link Urgency} says; what it cannot read (folded or odd headers it does not
 * need, a message without a start line) is left to the real parser behind it.
 */
final class RawRequest {

    private static final byte[] SIP_SLASH = ascii("SIP/");
    private static final byte[][] ESSENTIAL_METHODS = {ascii("ACK"), ascii("CANCEL"), ascii("BYE"), ascii("OPTIONS")};
    /** The most Via lines echoed; a request with more is left to the parser. */
    private static final int MAX_VIAS = 16;

    private final byte[] data;
    private final int methodStart;
    private final int methodEnd;
    private final int[] vias = new int[MAX_VIAS * 2];
    private int viaCount;
    private int fromStart = -1;
    private int fromEnd;
    private int toStart = -1;
    private int toEnd;
    private int callIdStart = -1;
    private int callIdEnd;
    private int cseqStart = -1;
    private int cseqEnd;
    private boolean toTagged;
    private boolean credentials;
    private boolean unreadable;

    private RawRequest(byte[] data, int methodStart, int methodEnd) {
        this.data = data;
        this.methodStart = methodStart;
        this.methodEnd = methodEnd;
    }

    /** Whether {@code data[offset, offset + length)} is a response: its start line begins with {@code SIP/}. */
    static boolean isResponse(byte[] data, int offset, int length) {
        return startsWith(data, startLine(data, offset, offset + length), offset + length, SIP_SLASH);
    }

    /** The request in {@code data[offset, offset + length)}, or null for a response or no start line at all. */
    static @Nullable RawRequest read(byte[] data, int offset, int length) {
        int end = offset + length;
        int at = startLine(data, offset, end);
        int space = at;
        while (space < end && data[space] != ' ' && data[space] != '\r' && data[space] != '\n') {
            space++;
        }
        if (space == at || space == end || data[space] != ' ' || startsWith(data, at, end, SIP_SLASH)) {
            return null;
        }
        RawRequest request = new RawRequest(data, at, space);
        request.readHeaders(RawMessageCheck.lineEnd(data, space, end), end);
        return request;
    }

    /** What turning this request away would waste, as the listener judges it (see {@link Urgency}). */
    Urgency urgency() {
        if (toTagged || isEssentialMethod()) {
            return Urgency.ESSENTIAL;
        }
        return credentials ? Urgency.FOLLOW_UP : Urgency.NEW;
    }

    /**
     * A stateless 503 for this request (RFC 3261 section 21.5.4), the request's Via, From, To (with a
     * tag of ours), Call-ID and CSeq echoed as they came, or null when one of them is missing or was
     * not read: the parser will answer that request with the 400 it deserves.
     */
    byte @Nullable [] unavailable(String reason, long retryAfterSeconds) {
        if (unreadable || viaCount == 0 || fromStart < 0 || toStart < 0 || callIdStart < 0 || cseqStart < 0) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(ascii("SIP/2.0 503 " + reason + "\r\n"));
        for (int i = 0; i < viaCount; i++) {
            line(out, vias[2 * i], vias[2 * i + 1]);
        }
        line(out, fromStart, fromEnd);
        out.write(data, toStart, toEnd - toStart);
        if (!toTagged) {
            // the same tag for every retransmission of the request, as a stateless server must give
            out.writeBytes(ascii(";tag=" + Integer.toHexString(hash(callIdStart, callIdEnd) ^ hash(fromStart, fromEnd))));
        }
        out.writeBytes(ascii("\r\n"));
        line(out, callIdStart, callIdEnd);
        line(out, cseqStart, cseqEnd);
        out.writeBytes(ascii("Retry-After: " + retryAfterSeconds + "\r\nContent-Length: 0\r\n\r\n"));
        return out.toByteArray();
    }

    private void readHeaders(int from, int end) {
        int at = RawMessageCheck.next(data, from, end);
        while (at < end) {
            int lineEnd = RawMessageCheck.lineEnd(data, at, end);
            if (lineEnd == at) {
                return; // the blank line: the body follows
            }
            if (data[at] == ' ' || data[at] == '\t') {
                unreadable = true; // a folded header: rare, and the parser unfolds it better than we would
                return;
            }
            int colon = at;
            while (colon < lineEnd && data[colon] != ':') {
                colon++;
            }
            if (colon == lineEnd) {
                unreadable = true;
                return;
            }
            header(at, trimEnd(at, colon), colon + 1, trimEnd(colon + 1, lineEnd));
            at = RawMessageCheck.next(data, lineEnd, end);
        }
    }

    private void header(int nameStart, int nameEnd, int valueStart, int lineEnd) {
        int length = nameEnd - nameStart;
        if (is(nameStart, length, "via") || is(nameStart, length, "v")) {
            if (viaCount == MAX_VIAS) {
                unreadable = true;
                return;
            }
            vias[2 * viaCount] = nameStart;
            vias[2 * viaCount + 1] = lineEnd;
            viaCount++;
        } else if (is(nameStart, length, "from") || is(nameStart, length, "f")) {
            fromStart = nameStart;
            fromEnd = lineEnd;
        } else if (is(nameStart, length, "to") || is(nameStart, length, "t")) {
            toStart = nameStart;
            toEnd = lineEnd;
            toTagged = hasTag(valueStart, lineEnd);
        } else if (is(nameStart, length, "call-id") || is(nameStart, length, "i")) {
            callIdStart = nameStart;
            callIdEnd = lineEnd;
        } else if (is(nameStart, length, "cseq")) {
            cseqStart = nameStart;
            cseqEnd = lineEnd;
        } else if (is(nameStart, length, "authorization") || is(nameStart, length, "proxy-authorization")) {
            credentials = true;
        }
    }

    /** A {@code tag} header parameter: after the name-addr's closing '>', if it has one. */
    private boolean hasTag(int from, int end) {
        int at = from;
        for (int i = end - 1; i >= from; i--) {
            if (data[i] == '>') {
                at = i + 1;
                break;
            }
        }
        for (int i = at; i < end; i++) {
            if (data[i] != ';') {
                continue;
            }
            int name = skipSpace(i + 1, end);
            if (name + 3 <= end && is(name, 3, "tag") && skipSpace(name + 3, end) < end
                    && data[skipSpace(name + 3, end)] == '=') {
                return true;
            }
        }
        return false;
    }

    private boolean isEssentialMethod() {
        for (byte[] method : ESSENTIAL_METHODS) {
            if (methodEnd - methodStart == method.length && startsWith(data, methodStart, methodEnd, method)) {
                return true;
            }
        }
        return false;
    }

    /** Case-insensitive: header names are (RFC 3261 section 7.3.1). */
    private boolean is(int start, int length, String lowerCase) {
        if (length != lowerCase.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            int c = data[start + i];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lowerCase.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int skipSpace(int from, int end) {
        int at = from;
        while (at < end && (data[at] == ' ' || data[at] == '\t')) {
            at++;
        }
        return at;
    }

    private int trimEnd(int start, int end) {
        int at = end;
        while (at > start && (data[at - 1] == ' ' || data[at - 1] == '\t')) {
            at--;
        }
        return at;
    }

    private int hash(int start, int end) {
        int h = 1;
        for (int i = start; i < end; i++) {
            h = 31 * h + data[i];
        }
        return h;
    }

    private void line(ByteArrayOutputStream out, int start, int end) {
        out.write(data, start, end - start);
        out.write('\r');
        out.write('\n');
    }

    private static boolean startsWith(byte[] data, int at, int end, byte[] prefix) {
        if (end - at < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** RFC 3261 section 7.5: CRLFs before the start line are ignored. */
    private static int startLine(byte[] data, int from, int end) {
        int at = from;
        while (at < end && (data[at] == '\r' || data[at] == '\n')) {
            at++;
        }
        return at;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
