package com.example.ats.messaging.consent;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Whether a channel may be used for a candidate, and if not why.
 *
 * @param reason e.g. {@code NO_PHONE}, {@code INVALID_PHONE}, {@code NOT_OPTED_IN}, {@code OPTED_OUT}, {@code NO_EMAIL}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Availability(boolean allowed, String reason) {
    public static final Availability ALLOWED = new Availability(true, null);

    public static Availability refused(String reason) {
        return new Availability(false, reason);
    }
}
