package io.gridpbx.core.presence.body;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A resource-lists document (RFC 4826 §3, {@code application/resource-lists+xml}): a user's named
 * lists of SIP resources, such as buddy lists kept over XCAP. Only flat lists are kept: a parse refuses
 * a nested {@code list}, {@code external} or {@code entry-ref} with 400 instead of flattening it.
 */
public record ResourceLists(List<ResourceList> lists) {

    public static final String CONTENT_TYPE = "application/resource-lists+xml";
    /** The most entries a parsed document may hold, all lists together. */
    public static final int MAX_ENTRIES = 1_000;

    private static final String KIND = "resource-lists";

    public ResourceLists {
        lists = List.copyOf(lists);
        Set<String> names = new HashSet<>();
        for (ResourceList list : lists) {
            if (!names.add(list.name())) {
                throw new IllegalArgumentException("two lists are named " + list.name());
            }
        }
    }

    public byte[] toXml() {
        XmlWriter xml = new XmlWriter().open("resource-lists", "xmlns", ListEntries.RESOURCE_LISTS);
        for (ResourceList list : lists) {
            xml.open("list", "name", list.name()).text("display-name", list.displayName());
            list.entries().forEach(entry -> entry.write(xml, ""));
            xml.close("list");
        }
        return xml.close("resource-lists").bytes();
    }

    public static ResourceLists parse(byte[] xml) throws BodyException {
        return parse(xml, SafeXml.DEFAULT_MAX_BYTES);
    }

    /**
     * Reads a document whose lists each have a unique name and whose entries are sip:, sips: or tel:
     * URIs, at most {@link #MAX_ENTRIES} of them; anything else is refused with 400 saying why.
     */
    public static ResourceLists parse(byte[] xml, int maxBytes) throws BodyException {
        XmlElement root = SafeXml.parse(xml, maxBytes, KIND, ListEntries.RESOURCE_LISTS, "resource-lists");
        ListEntries entries = new ListEntries(KIND, MAX_ENTRIES);
        Set<String> names = new HashSet<>();
        List<ResourceList> lists = new ArrayList<>();
        for (XmlElement list : root.children(ListEntries.RESOURCE_LISTS, "list")) {
            String name = list.attribute("name");
            if (name == null) {
                throw BodyException.malformed(KIND, "list without name");
            }
            if (!names.add(name)) {
                throw BodyException.malformed(KIND, "two lists named " + name);
            }
            lists.add(new ResourceList(name, list.childText(ListEntries.RESOURCE_LISTS, "display-name"),
                    entries.read(list)));
        }
        return new ResourceLists(lists);
    }
}
