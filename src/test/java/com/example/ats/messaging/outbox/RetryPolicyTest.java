package com.example.ats.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(6, Duration.ofSeconds(2), Duration.ofMinutes(5), new Random(7));

    @Test
    void delaysDoubleWithinHalfToAllOfTheStepAndStopAtTheCap() {
        for (int attempt = 1; attempt <= 12; attempt++) {
            long step = Math.min(2_000L << (attempt - 1), 300_000L);
            Duration delay = policy.delayAfter(attempt);
            assertThat(delay.toMillis()).as("attempt %d", attempt).isBetween(step / 2, step);
        }
    }

    @Test
    void jitterSpreadsMessagesThatFailedTogether() {
        Set<Long> delays = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            delays.add(policy.delayAfter(3).toMillis());
        }
        assertThat(delays).hasSizeGreaterThan(30);
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        assertThat(policy.mayRetryAfter(5)).isTrue();
        assertThat(policy.mayRetryAfter(6)).isFalse();
    }
}
