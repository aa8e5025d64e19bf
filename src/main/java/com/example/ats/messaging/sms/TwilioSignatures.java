package com.example.ats.messaging.sms;

import com.twilio.security.RequestValidator;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Checks {@code X-Twilio-Signature} against the URL Twilio was given: the configured public base
 * URL plus the webhook's path (never the URL this request arrived on, which differs behind a proxy
 * or on another port). Counts failures per minute for the health view.
 */
public final class TwilioSignatures {
    private final AtomicLongArray failuresPerMinute = new AtomicLongArray(60);
    private final AtomicLongArray minuteOfSlot = new AtomicLongArray(60);
    private final java.time.Clock clock;

    public TwilioSignatures(java.time.Clock clock) {
        this.clock = clock;
    }

    public boolean valid(String authToken, URI publicBaseUrl, String path, String rawQuery,
                         Map<String, String> params, String signature) {
        boolean valid = authToken != null && signature != null && !signature.isBlank()
                && new RequestValidator(authToken).validate(url(publicBaseUrl, path, rawQuery), params, signature);
        if (!valid) {
            countFailure();
        }
        return valid;
    }

    static String url(URI publicBaseUrl, String path, String rawQuery) {
        return publicBaseUrl + path + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
    }

    /** Signature failures in the last hour. */
    public long failuresLastHour() {
        long minute = clock.instant().toEpochMilli() / 60_000;
        long total = 0;
        for (int slot = 0; slot < 60; slot++) {
            if (minute - minuteOfSlot.get(slot) < 60) {
                total += failuresPerMinute.get(slot);
            }
        }
        return total;
    }

    // instant(), not millis(): the plugin's microsecond Clock.tick divides by zero in millis() (a Java 17 bug).
    private void countFailure() {
        long minute = clock.instant().toEpochMilli() / 60_000;
        int slot = (int) (minute % 60);
        if (minuteOfSlot.getAndSet(slot, minute) != minute) {
            failuresPerMinute.set(slot, 0);
        }
        failuresPerMinute.incrementAndGet(slot);
    }
}
