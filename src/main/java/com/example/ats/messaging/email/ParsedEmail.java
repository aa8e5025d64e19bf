package com.example.ats.messaging.email;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.jsoup.Jsoup;

/**
 * One inbound email, parsed with Jakarta Mail: addresses, ids for threading, the text (plain text
 * preferred, HTML turned into text otherwise; declared charsets and transfer encodings decoded),
 * and the signs of automatic mail and delivery reports.
 */
final class ParsedEmail {
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final List<String> LATIN1_LABELS = List.of("iso-8859-1", "iso8859-1", "latin1", "us-ascii", "ascii");

    private final MimeMessage message;
    private final byte[] raw;

    private ParsedEmail(MimeMessage message, byte[] raw) {
        this.message = message;
        this.raw = raw;
    }

    static ParsedEmail parse(byte[] raw) throws MessagingException {
        return new ParsedEmail(new MimeMessage(SESSION, new ByteArrayInputStream(raw)), raw);
    }

    byte[] raw() {
        return raw;
    }

    String from() throws MessagingException {
        Address[] from = message.getFrom();
        return from == null || from.length == 0 ? null : address(from[0]);
    }

    /** Every address it was delivered to: To, Cc and the headers servers add on delivery. */
    List<String> recipients() throws MessagingException {
        List<String> recipients = new ArrayList<>();
        Address[] all = message.getAllRecipients();
        if (all != null) {
            for (Address address : all) {
                recipients.add(address(address));
            }
        }
        for (String header : List.of("Delivered-To", "X-Original-To", "Envelope-To")) {
            String[] values = message.getHeader(header);
            if (values != null) {
                for (String value : values) {
                    recipients.add(value.replaceAll("[<>\\s]", ""));
                }
            }
        }
        return recipients;
    }

    String subject() throws MessagingException {
        String subject = message.getSubject();
        return subject == null ? "" : subject.strip();
    }

    /** The Message-ID, or one made from the content's hash when the sender left it out. */
    String messageId() throws MessagingException {
        String id = message.getMessageID();
        if (id != null && !id.isBlank()) {
            return id.strip();
        }
        try {
            return "<sha256." + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw)) + "@missing>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Message-IDs this one answers: In-Reply-To first, then References newest first. */
    List<String> referencedIds() throws MessagingException {
        List<String> ids = new ArrayList<>();
        for (String header : List.of("In-Reply-To", "References")) {
            String value = message.getHeader(header, " ");
            if (value != null) {
                List<String> found = new ArrayList<>();
                var matcher = java.util.regex.Pattern.compile("<[^<>\\s]+>").matcher(value);
                while (matcher.find()) {
                    found.add(matcher.group());
                }
                java.util.Collections.reverse(found);
                ids.addAll(found);
            }
        }
        return ids;
    }

    /** Out-of-office answers, list and bulk mail: stored, but nobody is alerted. */
    boolean isAutomatic() throws MessagingException {
        String autoSubmitted = header("Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.equalsIgnoreCase("no")) {
            return true;
        }
        if (header("X-Autoreply") != null || header("X-Autorespond") != null || header("X-Loop") != null
                || header("List-Id") != null || header("List-Unsubscribe") != null) {
            return true;
        }
        String precedence = header("Precedence");
        return precedence != null && List.of("bulk", "junk", "list", "auto_reply")
                .contains(precedence.toLowerCase(Locale.ROOT).strip());
    }

    /** A delivery status notification (RFC 3464), i.e. a bounce. */
    boolean isDeliveryReport() throws MessagingException {
        ContentType type = new ContentType(message.getContentType());
        return type.match("multipart/report") && "delivery-status".equalsIgnoreCase(type.getParameter("report-type"));
    }

    /** The raw message as text (for finding the bounced message's id and the reason in a report). */
    String rawText() {
        return new String(raw, StandardCharsets.ISO_8859_1);
    }

    /** The text a person wrote: the plain-text part, else the HTML part as text. */
    String text() throws MessagingException, IOException {
        String plain = find(message, "text/plain");
        if (plain != null) {
            return plain;
        }
        String html = find(message, "text/html");
        if (html == null) {
            return "";
        }
        // Quoted history sits in <blockquote> in HTML mail; block elements and <br> become line
        // breaks, so an "On … wrote:" attribution stays on its own line for ReplyText.
        var document = Jsoup.parse(html);
        document.select("blockquote, style, script, head").remove();
        document.select("br").before("\\n");
        document.select("p, div, li, tr, h1, h2, h3, h4").before("\\n\\n");
        return document.text().replace("\\n", "\n").replaceAll("[ \\t]*\n[ \\t]*", "\n").strip();
    }

    private static String find(Part part, String type) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return null;
        }
        if (part.isMimeType(type)) {
            String charset = new ContentType(part.getContentType()).getParameter("charset");
            if (charset != null && LATIN1_LABELS.contains(charset.toLowerCase(Locale.ROOT))) {
                // As browsers do (WHATWG Encoding): mail labelled Latin-1 or ASCII is decoded as
                // windows-1252, the superset Outlook really writes (curly quotes, dashes, €).
                try (InputStream decoded = part.getInputStream()) {
                    return new String(decoded.readAllBytes(), java.nio.charset.Charset.forName("windows-1252"));
                }
            }
            Object content = part.getContent();
            if (content instanceof String text) {
                return text;
            }
            if (content instanceof InputStream stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            }
            return null;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = find(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private String header(String name) throws MessagingException {
        return message.getHeader(name, ",");
    }

    private static String address(Address address) {
        return address instanceof InternetAddress internet ? internet.getAddress() : address.toString();
    }
}
