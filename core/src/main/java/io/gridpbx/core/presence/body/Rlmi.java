package io.gridpbx.core.presence.body;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The state of a resource list (RFC 4662 §5) as the body of a list NOTIFY: an RLMI document naming
 * each resource's instance, followed by the state bodies of the instances, all in one
 * {@code multipart/related} body (RFC 2387) whose root is the RLMI document.
 *
 * @param listUri   the list's URI, the one subscribed to
 * @param version   increases by one with each NOTIFY of a subscription (§5.2), from 0
 * @param fullState whether every resource is listed, or only those that changed
 */
public record Rlmi(String listUri, long version, boolean fullState, List<Part> parts) {

    public static final String CONTENT_TYPE = "application/rlmi+xml";
    static final String NAMESPACE = "urn:ietf:params:xml:ns:rlmi";

    /** RFC 2046 §5.1.1: 1 to 70 of these, not ending in a space. */
    private static final Pattern BOUNDARY = Pattern.compile("[0-9A-Za-z'()+_,\\-./:=? ]{0,69}[0-9A-Za-z'()+_,\\-./:=?]");
    private static final byte[] CRLF = {'\r', '\n'};

    public Rlmi {
        Objects.requireNonNull(listUri, "listUri");
        if (listUri.isBlank()) {
            throw new IllegalArgumentException("an RLMI document names its list");
        }
        if (version < 0) {
            throw new IllegalArgumentException("a version is zero or more, not " + version);
        }
        parts = List.copyOf(parts);
    }

    /**
     * One resource instance and its state body (§5.2).
     *
     * @param state       active, pending or terminated
     * @param reason      why a terminated instance ended (e.g. {@code rejected}, {@code noresource})
     * @param contentType the body's Content-Type, e.g. {@code application/pidf+xml}
     * @param body        the instance's state document; empty when there is none to send (a pending
     *                    instance), and then the instance has no {@code cid} and no MIME part
     */
    public record Part(String resourceUri, String state, @Nullable String reason, String contentType, byte[] body) {

        private static final Set<String> STATES = Set.of("active", "pending", "terminated");

        public Part {
            Objects.requireNonNull(resourceUri, "resourceUri");
            Objects.requireNonNull(contentType, "contentType");
            if (resourceUri.isBlank()) {
                throw new IllegalArgumentException("a part names its resource");
            }
            if (!STATES.contains(state)) {
                throw new IllegalArgumentException("an instance is active, pending or terminated, not " + state);
            }
            if (contentType.isBlank() || contentType.chars().anyMatch(Character::isISOControl)) {
                // It is written as a MIME header line.
                throw new IllegalArgumentException("a content type is one line of text");
            }
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof Part that && resourceUri.equals(that.resourceUri) && state.equals(that.state)
                    && Objects.equals(reason, that.reason) && contentType.equals(that.contentType)
                    && Arrays.equals(body, that.body);
        }

        @Override
        public int hashCode() {
            return Objects.hash(resourceUri, state, reason, contentType, Arrays.hashCode(body));
        }

        @Override
        public String toString() {
            return "Part[" + resourceUri + ", " + state + (reason == null ? "" : " (" + reason + ")") + ", "
                    + contentType + ", " + body.length + " bytes]";
        }
    }

    /**
     * A multipart body and the Content-Type header that goes with it.
     *
     * @param contentType {@code multipart/related;type="application/rlmi+xml";start="<cid>";boundary="..."}
     */
    public record Multipart(String contentType, byte[] body) {

        public Multipart {
            Objects.requireNonNull(contentType, "contentType");
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof Multipart that && contentType.equals(that.contentType)
                    && Arrays.equals(body, that.body);
        }

        @Override
        public int hashCode() {
            return 31 * contentType.hashCode() + Arrays.hashCode(body);
        }

        @Override
        public String toString() {
            return "Multipart[" + contentType + ", " + body.length + " bytes]";
        }
    }

    /**
     * The RLMI document first, then each part with a body, in order, every part with its Content-ID
     * and Content-Type, CRLF line ends, closed by {@code --boundary--} (RFC 2046 §5.1.1).
     *
     * <p>Instance ids are derived from the resource URI, so the same resource keeps its id from one
     * NOTIFY to the next (§5.2); Content-IDs add the part's place and the version.
     *
     * @param boundary 1 to 70 characters of RFC 2046's bchars, found in no part's body
     * @throws IllegalArgumentException if the boundary is not one, or occurs in a body
     */
    public Multipart toMultipart(String boundary) {
        if (!BOUNDARY.matcher(boundary).matches()) {
            throw new IllegalArgumentException("not an RFC 2046 boundary: " + boundary);
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        String listId = instanceId(listUri, 0);
        String start = "rlmi." + version + "." + listId + "@gridpbx";
        Map<String, Integer> seen = new HashMap<>();
        String[] cids = new String[parts.size()];
        XmlWriter rlmi = new XmlWriter().open("list", "xmlns", NAMESPACE, "uri", listUri, "version",
                Long.toString(version), "fullState", Boolean.toString(fullState));
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            if (indexOf(part.body, delimiter) >= 0) {
                throw new IllegalArgumentException("the boundary occurs in the body of " + part.resourceUri());
            }
            int occurrence = seen.merge(part.resourceUri(), 1, Integer::sum) - 1;
            String id = instanceId(part.resourceUri(), occurrence);
            cids[i] = part.body.length == 0 ? null : (i + 1) + "." + version + "." + id + "@gridpbx";
            rlmi.open("resource", "uri", part.resourceUri())
                    .empty("instance", "id", id, "state", part.state(), "reason", part.reason(), "cid", cids[i])
                    .close("resource");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writePart(out, delimiter, start, CONTENT_TYPE + ";charset=\"UTF-8\"", rlmi.close("list").bytes());
        for (int i = 0; i < parts.size(); i++) {
            if (cids[i] != null) {
                writePart(out, delimiter, cids[i], parts.get(i).contentType(), parts.get(i).body);
            }
        }
        out.writeBytes(delimiter);
        out.writeBytes("--".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(CRLF);
        return new Multipart("multipart/related;type=\"" + CONTENT_TYPE + "\";start=\"<" + start + ">\";boundary=\""
                + boundary + "\"", out.toByteArray());
    }

    private static void writePart(ByteArrayOutputStream out, byte[] delimiter, String cid, String contentType,
            byte[] body) {
        out.writeBytes(delimiter);
        out.writeBytes(CRLF);
        out.writeBytes(("Content-Transfer-Encoding: binary\r\nContent-ID: <" + cid + ">\r\nContent-Type: "
                + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        // The CRLF before the next delimiter belongs to the delimiter, not to the body (RFC 2046 §5.1.1).
        out.writeBytes(CRLF);
    }

    /** Ten hex digits of the SHA-256 of the URI: stable, and a valid id and msg-id left part whatever the URI. */
    private static String instanceId(String uri, int occurrence) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(uri.getBytes(StandardCharsets.UTF_8));
            String id = HexFormat.of().formatHex(digest, 0, 5);
            return occurrence == 0 ? id : id + "-" + occurrence;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
