package dev.khabar.feed;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** A namespace-aware XML parse of a response body (it throws on anything not well-formed), with small lookups. */
final class XmlDoc {

    private XmlDoc() {
    }

    static Element parse(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
            return document.getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + new String(body,
                    java.nio.charset.StandardCharsets.UTF_8), e);
        }
    }

    /** The child elements of {@code parent} with this namespace and local name, in document order. */
    static List<Element> children(Element parent, String namespace, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())
                    && (namespace == null ? e.getNamespaceURI() == null : namespace.equals(e.getNamespaceURI()))) {
                found.add(e);
            }
        }
        return found;
    }

    static Optional<Element> child(Element parent, String namespace, String name) {
        List<Element> found = children(parent, namespace, name);
        if (found.size() > 1) {
            throw new AssertionError("more than one " + name + " in " + parent.getLocalName());
        }
        return found.stream().findFirst();
    }

    /** The text of the one child element {@code name}; fails when there is none. */
    static String text(Element parent, String namespace, String name) {
        return child(parent, namespace, name).orElseThrow(() -> new AssertionError("no " + name + " in "
                + parent.getLocalName())).getTextContent();
    }

    static List<String> texts(Element parent, String namespace, String name) {
        return children(parent, namespace, name).stream().map(Element::getTextContent).toList();
    }
}
