package io.gridpbx.core.presence.xcap;

import io.gridpbx.core.location.AddressOfRecord;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The document a request names (RFC 4825 section 6): {@code /xcap/{auid}/users/{xui}/{document}}, where the
 * XUI is the owner's SIP URI ({@code sip:alice@office.example}, percent-encoded or not: {@code :} and {@code @}
 * are allowed in a path segment, RFC 3986 section 3.3) and the document a single name such as {@code index}.
 *
 * <p>Only whole documents are served. A URI with a node selector ({@code .../index/~~/resource-lists/list})
 * is answered 501 Not Implemented, not 404: RFC 4825 section 8 uses 404 to say the selected element or
 * attribute does not exist, which would be false of a list that is in the document, and a client told so
 * might try to create it element by element; 501 tells it the server lacks the function, so it falls back
 * to reading and writing the whole document (which every client of these usages can do). The global tree,
 * other application usages, sub-directories and names outside {@code [A-Za-z0-9._-]} are answered 404; a
 * path that cannot be decoded (bad percent-encoding, not UTF-8) 400.
 *
 * @param document the document's name in the user's directory, e.g. {@code index}
 */
public record XcapUri(Auid auid, AddressOfRecord owner, String document) {

    /** Where the XCAP root is on every node's HTTP port. */
    public static final String ROOT = "/xcap";
    /** The document clients keep their lists in (RFC 4826 sections 3.5 and 4.5 name it so). */
    public static final String INDEX = "index";

    private static final String NODE_SELECTOR = "~~";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int MAX_PATH = 2048;

    public XcapUri {
        Objects.requireNonNull(auid, "auid");
        Objects.requireNonNull(owner, "owner");
        if (!NAME.matcher(document).matches() || document.equals(".") || document.equals("..")) {
            throw new IllegalArgumentException("not a document name: " + document);
        }
    }

    /**
     * The document a request path names, as it came on the request line (not yet decoded).
     *
     * @throws XcapUriException with 404, 400 or 501 and the reason
     */
    public static XcapUri parse(String rawPath) throws XcapUriException {
        if (rawPath.length() > MAX_PATH) {
            throw new XcapUriException(404, "no document has so long a URI");
        }
        if (!rawPath.startsWith(ROOT + "/")) {
            throw new XcapUriException(404, "not under the XCAP root " + ROOT);
        }
        List<String> segments = List.of(rawPath.substring(ROOT.length() + 1).split("/", -1));
        int selector = segments.indexOf(NODE_SELECTOR);
        List<String> documentPath = selector < 0 ? segments : segments.subList(0, selector);
        if (documentPath.size() < 4) {
            throw new XcapUriException(404, "a document is /xcap/{auid}/users/{xui}/{document}");
        }
        String token = decode(documentPath.get(0));
        Auid auid = Auid.named(token).orElseThrow(() -> new XcapUriException(404,
                "no application usage " + printable(token) + " here: resource-lists and rls-services"));
        String tree = decode(documentPath.get(1));
        if (!tree.equals("users")) {
            throw new XcapUriException(404, tree.equals("global") ? "the global tree is not served"
                    : "a document is in the users tree");
        }
        AddressOfRecord owner = xui(decode(documentPath.get(2)));
        if (documentPath.size() != 4) {
            throw new XcapUriException(404, "documents are kept at the top of a user's directory");
        }
        String name = decode(documentPath.get(3));
        if (!NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new XcapUriException(404, "not a document name: " + printable(name));
        }
        if (selector >= 0) {
            boolean empty = segments.subList(selector + 1, segments.size()).stream().allMatch(String::isEmpty);
            throw empty ? new XcapUriException(400, "an empty node selector")
                    : new XcapUriException(501, "only whole documents are served: no node selectors");
        }
        return new XcapUri(auid, owner, name);
    }

    /** The path of this document, its XUI percent-encoded only where it must be. */
    public String path() {
        return ROOT + "/" + auid.token() + "/users/sip:" + owner + "/" + document;
    }

    /** The key a store files this document under: {@code auid|user@domain|name}. */
    public String key() {
        return auid.token() + "|" + owner + "|" + document;
    }

    /** The document a {@link #key()} names. */
    public static XcapUri ofKey(String key) {
        int first = key.indexOf('|');
        int last = key.lastIndexOf('|');
        if (first < 0 || last <= first) {
            throw new IllegalArgumentException("an XCAP key is auid|owner|name: " + key);
        }
        Auid auid = Auid.named(key.substring(0, first))
                .orElseThrow(() -> new IllegalArgumentException("unknown AUID in " + key));
        return new XcapUri(auid, AddressOfRecord.parse(key.substring(first + 1, last)), key.substring(last + 1));
    }

    /** The XUI of SIP users (RFC 4825 section 4): the owner's address of record as a {@code sip:} URI. */
    private static AddressOfRecord xui(String xui) throws XcapUriException {
        String lower = xui.toLowerCase(Locale.ROOT);
        int colon = xui.indexOf(':');
        if (!lower.startsWith("sip:") && !lower.startsWith("sips:")
                || xui.chars().anyMatch(c -> c <= ' ' || c == ';' || c == '?' || c == '<' || c == '>')) {
            throw new XcapUriException(404, "a user's directory is named by its SIP URI, sip:user@domain");
        }
        try {
            return AddressOfRecord.parse(xui.substring(colon + 1));
        } catch (IllegalArgumentException notAnAor) {
            throw new XcapUriException(404, "a user's directory is named by its SIP URI, sip:user@domain");
        }
    }

    /** Percent-decodes one path segment (RFC 3986 section 2.1) as UTF-8; {@code +} stays a plus. */
    static String decode(String segment) throws XcapUriException {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            int high = i + 2 < segment.length() ? Character.digit(segment.charAt(i + 1), 16) : -1;
            int low = high < 0 ? -1 : Character.digit(segment.charAt(i + 2), 16);
            if (low < 0) {
                throw new XcapUriException(400, "bad percent-encoding in the request URI");
            }
            bytes.write(high << 4 | low);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new XcapUriException(400, "the request URI is not UTF-8 once decoded");
        }
    }

    /** A piece of the URI fit for a reason phrase: control characters blanked, capped. */
    private static String printable(String text) {
        String capped = text.length() > 64 ? text.substring(0, 64) + "..." : text;
        return "'" + capped.replaceAll("\\p{Cntrl}", " ") + "'";
    }
}
