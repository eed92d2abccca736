package io.gridpbx.core.presence.xcap;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A request's {@code If-Match} and {@code If-None-Match} (RFC 9110 section 13.1), as the entity tags they
 * list, and the rule that checks them against a document's current tag. The rule is a pure function, so the
 * store can run it where the document is kept, in the same step as the write: of two PUTs that both send the
 * tag they read, one changes the document and the other finds the tag changed and fails with 412.
 *
 * @param ifMatch     the tags of {@code If-Match} ({@code *} for any), null when the header is absent
 * @param ifNoneMatch the tags of {@code If-None-Match} ({@code *} for any), null when the header is absent
 */
public record XcapPrecondition(@Nullable List<String> ifMatch, @Nullable List<String> ifNoneMatch) {

    /** No condition: the request applies whatever the document's state. */
    public static final XcapPrecondition NONE = new XcapPrecondition(null, null);

    private static final String ANY = "*";
    private static final int MAX_TAGS = 32;

    public XcapPrecondition {
        ifMatch = ifMatch == null ? null : List.copyOf(ifMatch);
        ifNoneMatch = ifNoneMatch == null ? null : List.copyOf(ifNoneMatch);
    }

    /**
     * Reads the two headers' values. A tag is kept as its opaque value, without quotes, prefixed by {@code W/}
     * when weak. Unquoted tags, which some XCAP clients send, are taken as written.
     */
    public static XcapPrecondition of(@Nullable String ifMatch, @Nullable String ifNoneMatch) {
        return new XcapPrecondition(tags(ifMatch), tags(ifNoneMatch));
    }

    /** An {@code If-Match} of this one tag: how a client makes an edit of what it read. */
    public static XcapPrecondition ifMatch(String etag) {
        return new XcapPrecondition(List.of(etag), null);
    }

    /** {@code If-None-Match: *}: create the document, never replace one. */
    public static XcapPrecondition ifAbsent() {
        return new XcapPrecondition(null, List.of(ANY));
    }

    /**
     * Whether a write (PUT or DELETE) may go ahead on a document whose tag is {@code current} (null when there
     * is none). {@code If-Match} compares strongly (RFC 9110 section 13.1.1: a weak tag never matches),
     * {@code If-None-Match} weakly (section 13.1.2).
     */
    public boolean allowsWrite(@Nullable String current) {
        if (ifMatch != null && (current == null || !ifMatch.contains(ANY) && !ifMatch.contains(current))) {
            return false;
        }
        return ifNoneMatch == null || !matchesWeakly(ifNoneMatch, current);
    }

    /** Whether a GET of an existing document passes {@code If-Match}: when not, it is answered 412. */
    public boolean allowsRead(String current) {
        return ifMatch == null || ifMatch.contains(ANY) || ifMatch.contains(current);
    }

    /** Whether a GET of an existing document is answered 304 Not Modified (RFC 9110 section 13.1.2). */
    public boolean notModified(String current) {
        return ifNoneMatch != null && matchesWeakly(ifNoneMatch, current);
    }

    private static boolean matchesWeakly(List<String> tags, @Nullable String current) {
        if (current == null) {
            return false;
        }
        return tags.contains(ANY) || tags.contains(current) || tags.contains("W/" + current);
    }

    private static @Nullable List<String> tags(@Nullable String header) {
        if (header == null) {
            return null;
        }
        List<String> tags = new ArrayList<>();
        StringBuilder tag = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < header.length() && tags.size() < MAX_TAGS; i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                add(tags, tag);
            } else if (quoted || c > ' ') {
                tag.append(c);
            }
        }
        add(tags, tag);
        return tags;
    }

    private static void add(List<String> tags, StringBuilder tag) {
        if (!tag.isEmpty() && tags.size() < MAX_TAGS) {
            tags.add(tag.toString());
        }
        tag.setLength(0);
    }
}
