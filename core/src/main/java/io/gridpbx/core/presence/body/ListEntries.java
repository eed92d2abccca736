package io.gridpbx.core.presence.body;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the entries of a {@code list} element (RFC 4826 §3.2, the listType of both resource-lists and
 * rls-services), counting them against one budget for the whole document.
 */
final class ListEntries {

    static final String RESOURCE_LISTS = "urn:ietf:params:xml:ns:resource-lists";

    private final String kind;
    private final int max;
    private int left;

    ListEntries(String kind, int max) {
        this.kind = kind;
        this.max = max;
        this.left = max;
    }

    /**
     * The list's entries. Nested lists are refused rather than flattened: a flattened list would lose
     * their names, which XCAP URIs and RLMI name, and could repeat a URI. {@code external} and
     * {@code entry-ref} point at other documents this layer does not fetch, so they are refused too.
     */
    List<Entry> read(XmlElement list) throws BodyException {
        List<Entry> entries = new ArrayList<>();
        Set<String> uris = new HashSet<>();
        for (XmlElement child : list.children()) {
            if (!child.namespace().equals(RESOURCE_LISTS)) {
                continue; // extensions (RFC 4826 §3.2 allows any other namespace)
            }
            switch (child.name()) {
                case "entry" -> {
                    String uri = child.attribute("uri");
                    if (uri == null) {
                        throw BodyException.malformed(kind, "entry without uri");
                    }
                    if (!Entry.subscribable(uri)) {
                        throw BodyException.malformed(kind, "entry " + uri + " is not a sip, sips or tel URI");
                    }
                    if (!uris.add(uri)) {
                        throw BodyException.malformed(kind, "entry " + uri + " is listed twice");
                    }
                    if (--left < 0) {
                        throw BodyException.malformed(kind, "more than " + max + " entries");
                    }
                    entries.add(new Entry(uri, child.childText(RESOURCE_LISTS, "display-name")));
                }
                case "list" -> throw BodyException.malformed(kind, "nested lists are not supported");
                case "external", "entry-ref" ->
                        throw BodyException.malformed(kind, child.name() + " is not supported");
                default -> {
                    // display-name is the list's own, read by the caller
                }
            }
        }
        return entries;
    }
}
