package io.gridpbx.core.presence.body;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An rls-services document (RFC 4826 §4, {@code application/rls-services+xml}): the list URIs a
 * resource list server answers SUBSCRIBEs for (RFC 4662) and the resources behind each. Inline lists
 * are flat, as in {@link ResourceLists}, and hold at most {@link ResourceLists#MAX_ENTRIES} entries
 * across the whole document.
 */
public record RlsServices(List<Service> services) {

    public static final String CONTENT_TYPE = "application/rls-services+xml";
    static final String NAMESPACE = "urn:ietf:params:xml:ns:rls-services";

    private static final String KIND = "rls-services";

    public RlsServices {
        services = List.copyOf(services);
    }

    public byte[] toXml() {
        XmlWriter xml = new XmlWriter().open("rls-services", "xmlns", NAMESPACE, "xmlns:rl",
                ListEntries.RESOURCE_LISTS);
        for (Service service : services) {
            xml.open("service", "uri", service.uri());
            if (service.resourceListRef() != null) {
                xml.text("resource-list", service.resourceListRef());
            } else {
                xml.open("list");
                service.entries().forEach(entry -> entry.write(xml, "rl:"));
                xml.close("list");
            }
            if (!service.packages().isEmpty()) {
                xml.open("packages");
                service.packages().forEach(name -> xml.text("package", name));
                xml.close("packages");
            }
            xml.close("service");
        }
        return xml.close("rls-services").bytes();
    }

    public static RlsServices parse(byte[] xml) throws BodyException {
        return parse(xml, SafeXml.DEFAULT_MAX_BYTES);
    }

    /**
     * Reads a document whose services have unique URIs and each exactly one of an inline {@code list}
     * (whose entries follow the rules of {@link ResourceLists#parse(byte[], int)}) or a
     * {@code resource-list}; anything else is refused with 400 saying why.
     */
    public static RlsServices parse(byte[] xml, int maxBytes) throws BodyException {
        XmlElement root = SafeXml.parse(xml, maxBytes, KIND, NAMESPACE, "rls-services");
        ListEntries entries = new ListEntries(KIND, ResourceLists.MAX_ENTRIES);
        Set<String> uris = new HashSet<>();
        List<Service> services = new ArrayList<>();
        for (XmlElement service : root.children(NAMESPACE, "service")) {
            String uri = service.attribute("uri");
            if (uri == null) {
                throw BodyException.malformed(KIND, "service without uri");
            }
            if (!uris.add(uri)) {
                throw BodyException.malformed(KIND, "service " + uri + " is listed twice");
            }
            XmlElement list = service.child(NAMESPACE, "list");
            String reference = service.childText(NAMESPACE, "resource-list");
            if ((list == null) == (reference == null)) {
                throw BodyException.malformed(KIND, "service needs one list or resource-list");
            }
            List<String> packages = new ArrayList<>();
            XmlElement offered = service.child(NAMESPACE, "packages");
            if (offered != null) {
                for (XmlElement name : offered.children(NAMESPACE, "package")) {
                    String text = name.strippedText();
                    if (text != null) {
                        packages.add(text);
                    }
                }
            }
            services.add(new Service(uri, list == null ? List.of() : entries.read(list), reference, packages));
        }
        return new RlsServices(services);
    }
}
