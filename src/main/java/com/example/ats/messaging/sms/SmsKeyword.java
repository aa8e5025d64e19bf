package com.example.ats.messaging.sms;

import java.util.Locale;
import java.util.Set;

/**
 * The carrier-standard SMS keywords. Only a message that is exactly one of these words (any case,
 * surrounding blanks ignored) counts: "stop by tomorrow" is a message, not an opt-out.
 */
public enum SmsKeyword {
    OPT_OUT, OPT_IN, HELP, NONE;

    private static final Set<String> OPT_OUT_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT",
            "REVOKE", "OPTOUT");
    private static final Set<String> OPT_IN_WORDS = Set.of("START", "YES", "UNSTOP");
    private static final Set<String> HELP_WORDS = Set.of("HELP", "INFO");

    public static SmsKeyword of(String body) {
        String word = body == null ? "" : body.strip().toUpperCase(Locale.ROOT);
        if (OPT_OUT_WORDS.contains(word)) {
            return OPT_OUT;
        }
        if (OPT_IN_WORDS.contains(word)) {
            return OPT_IN;
        }
        return HELP_WORDS.contains(word) ? HELP : NONE;
    }
}
