package com.example.ats.messaging.outbox;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: attempt n waits between half and all of base·2^(n-1), capped,
 * so a provider coming back is not hit by every queued message in the same instant.
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap, RandomGenerator random) {
    public static RetryPolicy standard(RandomGenerator random) {
        return new RetryPolicy(6, Duration.ofSeconds(2), Duration.ofMinutes(5), random);
    }

    public boolean mayRetryAfter(int attempts) {
        return attempts < maxAttempts;
    }

    /** How long to wait after the given (1-based) failed attempt. */
    public Duration delayAfter(int attempt) {
        long full = base.toMillis() << Math.min(attempt - 1, 30);
        long capped = Math.min(Math.max(full, 0), cap.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + (half == 0 ? 0 : random.nextLong(half + 1)));
    }
}
