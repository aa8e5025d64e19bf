package com.example.ats.messaging.conversation;

/** An idempotency key came back with a different request than the one it was first used for. */
public final class IdempotencyKeyReusedException extends RuntimeException {
    public IdempotencyKeyReusedException() {
        super("Idempotency key reused for a different request");
    }
}
