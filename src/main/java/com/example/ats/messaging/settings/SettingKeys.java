package com.example.ats.messaging.settings;

import com.example.ats.messaging.consent.PhoneNumbers;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Every setting an administrator may change, with its check. Secrets are accepted but never shown.
 * A check returns the problem in words, or empty when the value is fine.
 */
public final class SettingKeys {
    /** Keys whose values are write-only. */
    public static final Set<String> SECRETS = Set.of("smtp.password", "imap.password", "twilio.auth.token");

    private final Map<String, Function<String, Optional<String>>> checks = new LinkedHashMap<>();

    public SettingKeys(PhoneNumbers phones) {
        checks.put("smtp.host", SettingKeys::host);
        checks.put("smtp.port", v -> port(v));
        checks.put("smtp.tls", SettingKeys::tls);
        checks.put("smtp.user", SettingKeys::text);
        checks.put("smtp.password", SettingKeys::text);
        checks.put("email.from.address", SettingKeys::email);
        checks.put("email.from.name", SettingKeys::oneLine);
        checks.put("email.reply.address", SettingKeys::email);
        checks.put("imap.host", SettingKeys::host);
        checks.put("imap.port", v -> port(v));
        checks.put("imap.tls", SettingKeys::tls);
        checks.put("imap.user", SettingKeys::text);
        checks.put("imap.password", SettingKeys::text);
        checks.put("imap.folder", SettingKeys::oneLine);
        checks.put("imap.poll.millis", v -> number(v, 500, 3_600_000));
        checks.put("twilio.account.sid", v -> v.matches("AC[0-9a-fA-F]{32}") ? Optional.empty()
                : Optional.of("An Account SID is AC followed by 32 hexadecimal digits."));
        checks.put("twilio.auth.token", SettingKeys::text);
        checks.put("twilio.from", v -> phones.toE164(v).filter(v::equals).isPresent() ? Optional.empty()
                : Optional.of("A sender number in international format, e.g. +15005550006."));
        checks.put("twilio.messaging.service.sid", v -> v.matches("MG[0-9a-fA-F]{32}") ? Optional.empty()
                : Optional.of("A Messaging Service SID is MG followed by 32 hexadecimal digits."));
        checks.put("twilio.api.base", SettingKeys::httpUrl);
        checks.put("twilio.messages.per.second", v -> decimal(v, 0, 1000));
        checks.put("public.base.url", SettingKeys::httpUrl);
        checks.put("notify.batch.minutes", v -> number(v, 0, 1440));
    }

    public Set<String> keys() {
        return checks.keySet();
    }

    /** The problem with a value for the key, in words; empty when it is fine. Blank values clear a setting. */
    public Optional<String> problem(String key, String value) {
        Function<String, Optional<String>> check = checks.get(key);
        if (check == null) {
            return Optional.of("There is no such setting.");
        }
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.length() > 2000) {
            return Optional.of("At most 2000 characters.");
        }
        return check.apply(value.strip());
    }

    private static Optional<String> text(String value) {
        return oneLine(value);
    }

    private static Optional<String> oneLine(String value) {
        return value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)
                ? Optional.of("One line only.") : Optional.empty();
    }

    private static Optional<String> host(String value) {
        return value.matches("[A-Za-z0-9.\\-\\[\\]:]{1,253}") ? Optional.empty()
                : Optional.of("A host name or IP address, e.g. smtp.example.com.");
    }

    private static Optional<String> port(String value) {
        return number(value, 1, 65535);
    }

    private static Optional<String> number(String value, long min, long max) {
        try {
            long n = Long.parseLong(value);
            return n >= min && n <= max ? Optional.empty() : Optional.of("A whole number from " + min + " to " + max + ".");
        } catch (NumberFormatException e) {
            return Optional.of("A whole number from " + min + " to " + max + ".");
        }
    }

    private static Optional<String> decimal(String value, double min, double max) {
        try {
            double n = Double.parseDouble(value);
            return n >= min && n <= max ? Optional.empty() : Optional.of("A number from " + min + " to " + max + ".");
        } catch (NumberFormatException e) {
            return Optional.of("A number from " + min + " to " + max + ".");
        }
    }

    private static Optional<String> tls(String value) {
        return Set.of("NONE", "STARTTLS", "SSL").contains(value.toUpperCase(Locale.ROOT)) ? Optional.empty()
                : Optional.of("NONE, STARTTLS or SSL.");
    }

    /** Whether the text is one plain email address (also used by the test-email button). */
    public static boolean isEmailAddress(String value) {
        return value != null && email(value.strip()).isEmpty();
    }

    private static Optional<String> email(String value) {
        try {
            new InternetAddress(value, true);
            return value.contains("@") ? Optional.empty() : Optional.of("An email address, e.g. talent@example.com.");
        } catch (AddressException e) {
            return Optional.of("An email address, e.g. talent@example.com.");
        }
    }

    private static Optional<String> httpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    ? Optional.empty() : Optional.of("An http(s) URL, e.g. https://ats.example.com.");
        } catch (IllegalArgumentException e) {
            return Optional.of("An http(s) URL, e.g. https://ats.example.com.");
        }
    }
}
