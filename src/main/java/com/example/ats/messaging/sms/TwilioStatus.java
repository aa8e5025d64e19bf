package com.example.ats.messaging.sms;

import com.example.ats.messaging.conversation.MessageStatus;
import java.util.Locale;
import java.util.Optional;

/** Twilio's MessageStatus values as the plugin's statuses (queued/accepted/scheduled add nothing). */
final class TwilioStatus {
    private TwilioStatus() {
    }

    static Optional<MessageStatus> of(String twilioStatus) {
        if (twilioStatus == null) {
            return Optional.empty();
        }
        return switch (twilioStatus.toLowerCase(Locale.ROOT)) {
            case "sending" -> Optional.of(MessageStatus.SENDING);
            case "sent" -> Optional.of(MessageStatus.SENT);
            case "delivered", "read" -> Optional.of(MessageStatus.DELIVERED);
            case "undelivered", "failed", "canceled" -> Optional.of(MessageStatus.FAILED);
            default -> Optional.empty();
        };
    }

    /** Twilio's delivery error codes in plain words (the common ones; others keep the number). */
    static String describe(String errorCode) {
        if (errorCode == null || errorCode.isBlank()) {
            return "The carrier did not deliver the text.";
        }
        return switch (errorCode) {
            case "30003" -> "The phone is switched off or out of reach (Twilio 30003).";
            case "30004" -> "The recipient blocked the message (Twilio 30004).";
            case "30005" -> "The number does not exist (Twilio 30005).";
            case "30006" -> "The number is a landline or the carrier cannot take texts (Twilio 30006).";
            case "30007" -> "The carrier filtered the message as spam (Twilio 30007).";
            case "21610" -> "The candidate replied STOP to this number (Twilio 21610).";
            default -> "The carrier did not deliver the text (Twilio " + errorCode + ").";
        };
    }
}
