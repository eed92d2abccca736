package io.gridpbx.core.presence.body;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads untrusted XML with the JDK's parser, hardened: a body with a DOCTYPE is refused outright
 * (no internal subset means no entity expansion, so no billion laughs; no external entities, so no
 * XXE), external DTDs and schemas are never fetched, XInclude is off and secure processing is on.
 * The size is checked before a byte is parsed, and every failure, whatever the parser throws, comes
 * out as a {@link BodyException}.
 */
final class SafeXml {

    /** What a body may weigh unless its caller says otherwise: 64 KiB. */
    static final int DEFAULT_MAX_BYTES = 64 * 1024;

    /** Far deeper than any presence document nests; bounds the recursion below. */
    private static final int MAX_DEPTH = 64;

    private static final ErrorHandler FAIL_ON_ERROR = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // Warnings are not refusals; the default handler would print them to stderr.
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private SafeXml() {
    }

    /**
     * The root element of {@code xml}, which must be {@code rootName} in {@code namespace}.
     *
     * @param kind named in every refusal's reason, e.g. {@code PIDF}
     */
    static XmlElement parse(byte[] xml, int maxBytes, String kind, String namespace, String rootName)
            throws BodyException {
        XmlElement root = parse(xml, maxBytes, kind);
        if (!root.is(namespace, rootName)) {
            throw BodyException.malformed(kind, "root is not " + rootName + " in " + namespace);
        }
        return root;
    }

    static XmlElement parse(byte[] xml, int maxBytes, String kind) throws BodyException {
        if (xml.length > maxBytes) {
            throw BodyException.tooLarge();
        }
        Element root;
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(FAIL_ON_ERROR);
            // Never reached with DOCTYPEs refused; kept so no change of feature could open a fetch.
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not resolved");
            });
            root = builder.parse(new InputSource(new ByteArrayInputStream(xml))).getDocumentElement();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a hardening feature", e);
        } catch (SAXException | IOException | RuntimeException e) {
            throw BodyException.notWellFormed(kind, String.valueOf(e.getMessage()).contains("DOCTYPE"), e);
        }
        if (root == null) {
            throw BodyException.malformed(kind, "no root element");
        }
        return detach(root, 1, kind);
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        // newDefaultInstance: the JDK's own parser, never one a jar on the class path put in its place.
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    private static XmlElement detach(Element element, int depth, String kind) throws BodyException {
        if (depth > MAX_DEPTH) {
            throw BodyException.malformed(kind, "nested deeper than " + MAX_DEPTH);
        }
        Map<String, String> attributes = new HashMap<>();
        NamedNodeMap attrs = element.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr attr = (Attr) attrs.item(i);
            // Unqualified attributes only: namespace declarations and xml:lang are not data here.
            if (attr.getNamespaceURI() == null) {
                attributes.put(name(attr), attr.getValue());
            }
        }
        List<XmlElement> children = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.ELEMENT_NODE -> children.add(detach((Element) child, depth + 1, kind));
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> text.append(child.getNodeValue());
                default -> {
                    // Comments and processing instructions carry nothing we read.
                }
            }
        }
        String namespace = element.getNamespaceURI();
        return new XmlElement(namespace == null ? "" : namespace, name(element), attributes, children,
                text.toString());
    }

    private static String name(Node node) {
        String local = node.getLocalName();
        return local == null ? node.getNodeName() : local;
    }
}
