package com.example.ats.messaging.outbox;

/** What a channel made of one attempt to send a message. */
public sealed interface SendOutcome {
    /** The provider took it; {@code providerId} is namespaced by channel (e.g. {@code twilio:SM...}). */
    record Sent(String providerId, String fromAddress, String toAddress) implements SendOutcome {
    }

    /** It certainly did not leave and may succeed later (server down, throttled, 5xx before acceptance). */
    record TryLater(String code, String reason) implements SendOutcome {
    }

    /** It will never succeed as it is (bad address, opted out, refused content). */
    record Failed(String code, String reason) implements SendOutcome {
    }

    /**
     * It may or may not have left (the connection broke after the request was written). Never
     * resent blindly: the outbox asks the channel to reconcile first.
     */
    record Uncertain(String code, String reason) implements SendOutcome {
    }
}
