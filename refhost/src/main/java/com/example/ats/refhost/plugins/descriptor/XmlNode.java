package com.example.ats.refhost.plugins.descriptor;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A small XML element tree that remembers the line of every element, so descriptor problems can
 * be reported where they are. Parsed with the JDK's SAX parser, with DTDs and external entities
 * refused (a descriptor comes from an uploaded jar).
 */
final class XmlNode {
    final String name;
    final int line;
    final Map<String, String> attributes;
    final List<XmlNode> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    private XmlNode(String name, int line, Map<String, String> attributes) {
        this.name = name;
        this.line = line;
        this.attributes = attributes;
    }

    String text() {
        return text.toString().trim();
    }

    Optional<String> attribute(String attributeName) {
        return Optional.ofNullable(attributes.get(attributeName)).map(String::trim).filter(v -> !v.isEmpty());
    }

    List<XmlNode> children(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    static XmlNode parse(InputStream in, String file) throws DescriptorException, IOException {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            SAXParser parser = factory.newSAXParser();
            TreeBuilder builder = new TreeBuilder();
            parser.parse(in, builder);
            return builder.root;
        } catch (SAXParseException e) {
            throw new DescriptorException(file, e.getLineNumber(), "not well-formed XML: " + e.getMessage());
        } catch (SAXException | ParserConfigurationException e) {
            throw new DescriptorException(file, 0, "cannot be read as XML: " + e.getMessage());
        }
    }

    private static final class TreeBuilder extends DefaultHandler {
        private final Deque<XmlNode> open = new ArrayDeque<>();
        private Locator locator;
        private XmlNode root;

        @Override
        public void setDocumentLocator(Locator documentLocator) {
            this.locator = documentLocator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attrs) {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < attrs.getLength(); i++) {
                map.put(attrs.getQName(i), attrs.getValue(i));
            }
            XmlNode node = new XmlNode(qName, locator == null ? 0 : locator.getLineNumber(), map);
            if (open.isEmpty()) {
                root = node;
            } else {
                open.peek().children.add(node);
            }
            open.push(node);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            open.pop();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!open.isEmpty()) {
                open.peek().text.append(ch, start, length);
            }
        }
    }
}
