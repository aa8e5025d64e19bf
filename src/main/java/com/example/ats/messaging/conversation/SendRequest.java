package com.example.ats.messaging.conversation;

import com.example.ats.messaging.rest.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The body of {@code POST /conversations/{id}/messages}, as sent. {@link #validate()} turns it
 * into an {@link OutboundMessage} or refuses it with the contract's codes.
 */
public record SendRequest(String channel, String subject, String body) {
    public static final int MAX_SUBJECT_LENGTH = 255;

    public OutboundMessage validate() {
        Channel parsed = parseChannel();
        if (subject == null || subject.isBlank()) {
            throw new ApiException(400, "SUBJECT_REQUIRED", "messaging.error.subject.required");
        }
        if (body == null || body.isBlank()) {
            throw new ApiException(400, "BODY_REQUIRED", "messaging.error.body.required");
        }
        String cleanSubject = subject.strip();
        if (cleanSubject.indexOf('\r') >= 0 || cleanSubject.indexOf('\n') >= 0) {
            throw new ApiException(400, "SUBJECT_LINE_BREAK", "messaging.error.subject.line.break");
        }
        if (cleanSubject.codePointCount(0, cleanSubject.length()) > MAX_SUBJECT_LENGTH) {
            throw new ApiException(400, "SUBJECT_TOO_LONG", "messaging.error.subject.too.long", MAX_SUBJECT_LENGTH);
        }
        if (body.length() > parsed.maxBodyLength()) {
            throw new ApiException(400, "BODY_TOO_LONG", "messaging.error.body.too.long", parsed.maxBodyLength());
        }
        if (hasControlCharacters(cleanSubject) || hasControlCharacters(body)) {
            throw new ApiException(400, "INVALID_CHARACTERS", "messaging.error.invalid.characters");
        }
        return new OutboundMessage(parsed, cleanSubject, body);
    }

    private Channel parseChannel() {
        if (channel == null || channel.isBlank()) {
            throw new ApiException(400, "CHANNEL_REQUIRED", "messaging.error.channel.required");
        }
        try {
            return Channel.valueOf(channel.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "INVALID_CHANNEL", "messaging.error.channel.invalid");
        }
    }

    /** NUL and other control characters have no place in a message (line breaks and tabs do). */
    private static boolean hasControlCharacters(String text) {
        return text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
    }

    /** A fingerprint of what this request asks for, to recognise a retry with the same key. */
    public static String fingerprint(long conversationId, OutboundMessage message) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String canonical = conversationId + "\u0000" + message.channel() + "\u0000" + message.subject()
                    + "\u0000" + message.body();
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
