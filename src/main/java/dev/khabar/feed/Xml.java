package dev.khabar.feed;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writing XML documents with the JDK's StAX writer, which escapes markup characters; what it does not do, this class
 * does: it replaces the characters XML 1.0 cannot carry at all (our input rules refuse control characters and
 * unpaired surrogates, but not U+FFFE or U+FFFF), so no stored text can make a broken document.
 */
final class Xml {

    static final String XML_NS = XMLConstants.XML_NS_URI;
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private Xml() {
    }

    /** What a document is written by: the writer, and the elements and text that clean what they are given. */
    @FunctionalInterface
    interface Body {
        void write(Out out) throws XMLStreamException;
    }

    /** A StAX writer whose text and attribute values are always cleaned. */
    static final class Out {
        final XMLStreamWriter xml;

        Out(XMLStreamWriter xml) {
            this.xml = xml;
        }

        Out start(String name) throws XMLStreamException {
            xml.writeStartElement(name);
            return this;
        }

        Out start(String prefix, String name, String namespace) throws XMLStreamException {
            xml.writeStartElement(prefix, name, namespace);
            return this;
        }

        Out attribute(String name, String value) throws XMLStreamException {
            xml.writeAttribute(name, clean(value));
            return this;
        }

        Out lang(String language) throws XMLStreamException {
            xml.writeAttribute("xml", XML_NS, "lang", clean(language));
            return this;
        }

        Out end() throws XMLStreamException {
            xml.writeEndElement();
            return this;
        }

        /** {@code <name>text</name>} */
        Out element(String name, String text) throws XMLStreamException {
            xml.writeStartElement(name);
            xml.writeCharacters(clean(text));
            xml.writeEndElement();
            return this;
        }

        Out element(String prefix, String name, String namespace, String text) throws XMLStreamException {
            xml.writeStartElement(prefix, name, namespace);
            xml.writeCharacters(clean(text));
            xml.writeEndElement();
            return this;
        }

        Out empty(String name) throws XMLStreamException {
            xml.writeEmptyElement(name);
            return this;
        }

        Out empty(String prefix, String name, String namespace) throws XMLStreamException {
            xml.writeEmptyElement(prefix, name, namespace);
            return this;
        }
    }

    /** A whole UTF-8 document. */
    static byte[] document(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(bytes, StandardCharsets.UTF_8.name());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            body.write(new Out(xml));
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /**
     * The text with every character XML 1.0 does not allow (section 2.2: controls but tab, CR and LF; U+FFFE, U+FFFF;
     * unpaired surrogates) replaced by U+FFFD.
     */
    static String clean(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean allowed = pair || c == '\t' || c == '\n' || c == '\r'
                    || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (!allowed && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                if (pair) {
                    out.append(c).append(text.charAt(i + 1));
                } else {
                    out.append(allowed ? c : '\uFFFD');
                }
            }
            if (pair) {
                i++;
            }
        }
        return out == null ? text : out.toString();
    }

    /** RFC 3339 (and W3C Datetime) in UTC, to the second: {@code 2026-11-29T08:30:00Z}. */
    static String rfc3339(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
    }

    /** RFC 822 with a four-digit year, as RSS 2.0 wants: {@code Sun, 29 Nov 2026 08:30:00 GMT}. */
    static String rfc822(Instant at) {
        return RFC_822.format(at.truncatedTo(ChronoUnit.SECONDS));
    }
}
