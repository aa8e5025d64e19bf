package com.example.ats.refhost.sandbox;

import java.time.Instant;

/** A text message the Twilio stand-in accepted. */
public record SandboxMessage(String sid, String accountSid, String from, String to, String body, String status,
                             String statusCallback, Instant created, Instant updated) {

    SandboxMessage withStatus(String newStatus, Instant at) {
        return new SandboxMessage(sid, accountSid, from, to, body, newStatus, statusCallback, created, at);
    }

    /** GSM-7 text fits 160 characters (153 per part); anything else 70 (67 per part). */
    int segments() {
        boolean gsm = body.chars().allMatch(c -> c < 128);
        int single = gsm ? 160 : 70;
        int part = gsm ? 153 : 67;
        int length = body.codePointCount(0, body.length());
        return length <= single ? 1 : (length + part - 1) / part;
    }
}
