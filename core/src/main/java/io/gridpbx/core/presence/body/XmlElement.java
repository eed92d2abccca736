package io.gridpbx.core.presence.body;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An element of a parsed document, detached from the DOM so the parser stays in {@link SafeXml}:
 * its namespace ("" for none), local name, unqualified attributes, child elements and its own text.
 */
record XmlElement(String namespace, String name, Map<String, String> attributes, List<XmlElement> children,
        String text) {

    XmlElement {
        attributes = Map.copyOf(attributes);
        children = List.copyOf(children);
    }

    boolean is(String namespace, String name) {
        return this.namespace.equals(namespace) && this.name.equals(name);
    }

    /** The attribute's value, stripped; null when absent or blank. */
    @Nullable String attribute(String name) {
        String value = attributes.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Nullable XmlElement child(String namespace, String name) {
        for (XmlElement child : children) {
            if (child.is(namespace, name)) {
                return child;
            }
        }
        return null;
    }

    List<XmlElement> children(String namespace, String name) {
        return children.stream().filter(c -> c.is(namespace, name)).toList();
    }

    /** Every element below this one with that name, in document order. */
    List<XmlElement> descendants(String namespace, String name) {
        List<XmlElement> found = new ArrayList<>();
        collect(namespace, name, found);
        return found;
    }

    /** The text of the first such child, stripped; null when absent or blank. */
    @Nullable String childText(String namespace, String name) {
        XmlElement child = child(namespace, name);
        return child == null ? null : child.strippedText();
    }

    /** This element's own text, stripped; null when blank. */
    @Nullable String strippedText() {
        return text.isBlank() ? null : text.strip();
    }

    private void collect(String namespace, String name, List<XmlElement> found) {
        for (XmlElement child : children) {
            if (child.is(namespace, name)) {
                found.add(child);
            }
            child.collect(namespace, name, found);
        }
    }
}
