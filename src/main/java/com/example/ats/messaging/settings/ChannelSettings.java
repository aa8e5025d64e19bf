package com.example.ats.messaging.settings;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How the plugin reaches its channels, read from its configuration (ConfigAdmin PID
 * {@value #PID}). Missing values leave that part unconfigured: messages for it wait in the outbox
 * and end failed with a clear reason rather than going anywhere unexpected.
 */
public record ChannelSettings(Smtp smtp, Mailbox mailbox, Twilio twilio, URI publicBaseUrl, Duration notifyBatch) {
    public static final String PID = "com.example.ats.messaging";

    public enum Tls { NONE, STARTTLS, SSL }

    /**
     * Outbound email.
     *
     * @param replyAddress the mailbox replies go to; each conversation gets its plus-address
     *                     ({@code replies+TOKEN@domain}) so a reply finds its way back
     */
    public record Smtp(String host, int port, Tls tls, String user, String password, String fromAddress,
                       String fromName, String replyAddress, Duration timeout) {
        public boolean configured() {
            return host != null && fromAddress != null && replyAddress != null;
        }
    }

    /** The mailbox replies are read from (IMAP), polled at the interval (IDLE between polls where offered). */
    public record Mailbox(String host, int port, Tls tls, String user, String password, String folder,
                          Duration pollInterval) {
        public boolean configured() {
            return host != null && user != null;
        }
    }

    /**
     * SMS through Twilio.
     *
     * @param apiBase           Twilio's API origin, replaced by the dev sandbox's on one machine
     * @param messagesPerSecond pacing per sender number; 0 = as fast as the outbox goes
     */
    public record Twilio(String accountSid, String authToken, String fromNumber, String messagingServiceSid,
                         URI apiBase, Duration timeout, double messagesPerSecond) {
        public boolean configured() {
            return accountSid != null && authToken != null && (fromNumber != null || messagingServiceSid != null);
        }
    }

    /** Reads settings from configuration properties (as DS hands them to a component). */
    public static ChannelSettings from(Map<String, ?> properties) {
        Properties p = new Properties(properties);
        Smtp smtp = new Smtp(p.text("smtp.host"), p.integer("smtp.port", 25), p.tls("smtp.tls"), p.text("smtp.user"),
                p.text("smtp.password"), p.text("email.from.address"), p.text("email.from.name"),
                p.text("email.reply.address"), Duration.ofSeconds(p.integer("smtp.timeout.seconds", 20)));
        Mailbox mailbox = new Mailbox(p.text("imap.host"), p.integer("imap.port", 143), p.tls("imap.tls"),
                p.text("imap.user"), p.text("imap.password"), Optional.ofNullable(p.text("imap.folder")).orElse("INBOX"),
                Duration.ofMillis(p.integer("imap.poll.millis", 30_000)));
        Twilio twilio = new Twilio(p.text("twilio.account.sid"), p.text("twilio.auth.token"), p.text("twilio.from"),
                p.text("twilio.messaging.service.sid"),
                URI.create(Optional.ofNullable(p.text("twilio.api.base")).orElse("https://api.twilio.com")),
                Duration.ofSeconds(p.integer("twilio.timeout.seconds", 15)), p.decimal("twilio.messages.per.second"));
        String base = p.text("public.base.url");
        return new ChannelSettings(smtp, mailbox, twilio, base == null ? null : URI.create(stripSlash(base)),
                Duration.ofSeconds(p.integer("notify.batch.seconds", 60 * p.integer("notify.batch.minutes", 5))));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Typed access to configuration values, which may arrive as strings or as numbers. */
    private record Properties(Map<String, ?> values) {
        String text(String key) {
            Object value = values.get(key);
            return value == null || value.toString().isBlank() ? null : value.toString().trim();
        }

        int integer(String key, int fallback) {
            String value = text(key);
            try {
                return value == null ? fallback : Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Setting " + key + " is not a whole number: " + value, e);
            }
        }

        double decimal(String key) {
            String value = text(key);
            try {
                return value == null ? 0 : Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Setting " + key + " is not a number: " + value, e);
            }
        }

        Tls tls(String key) {
            String value = text(key);
            try {
                return value == null ? Tls.NONE : Tls.valueOf(value.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Setting " + key + " must be NONE, STARTTLS or SSL: " + value, e);
            }
        }
    }
}
