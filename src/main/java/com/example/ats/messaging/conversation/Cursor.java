package com.example.ats.messaging.conversation;

import com.example.ats.messaging.rest.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * A keyset position (timestamp, id) in a list, as an opaque string. Stable under inserts: a page
 * starts strictly after the last item the client saw.
 */
public record Cursor(Instant at, long id) {

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + ":" + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor a client sent; null when it sent none; 400 INVALID_CURSOR when it is not ours. */
    public static Cursor decode(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
            int colon = plain.indexOf(':');
            long micros = Long.parseLong(plain.substring(0, colon));
            long id = Long.parseLong(plain.substring(colon + 1));
            return new Cursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
        } catch (RuntimeException e) {
            throw new ApiException(400, "INVALID_CURSOR", "messaging.error.invalid.cursor");
        }
    }
}
