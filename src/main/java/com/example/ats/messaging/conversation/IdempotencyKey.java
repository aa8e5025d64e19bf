package com.example.ats.messaging.conversation;

/**
 * An {@code Idempotency-Key} header with a fingerprint of the request it came with.
 *
 * @param value       the client's key
 * @param requestHash SHA-256 (hex) of what the request asked for
 */
public record IdempotencyKey(String value, String requestHash) {
}
