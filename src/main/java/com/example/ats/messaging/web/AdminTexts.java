package com.example.ats.messaging.web;

import com.example.ats.messaging.i18n.Messages;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.Map;

/**
 * The admin pages' texts ({@code messaging.admin.*}) in the admin's language, for a template
 * ({@code $t.get("settings.title")}) and, as JSON in a data attribute, for the page's script.
 */
public final class AdminTexts {
    private static final String PREFIX = "messaging.admin.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AdminTexts() {
    }

    /** {@code t}: texts by key without the prefix; {@code textsJson}: the same as JSON. */
    public static Map<String, Object> of(Messages messages, Locale locale) {
        Map<String, String> texts = messages.all(locale, PREFIX);
        try {
            return Map.of("t", texts, "textsJson", JSON.writeValueAsString(texts));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Texts cannot be written as JSON", e);
        }
    }
}
