package com.example.ats.refhost.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionStoreTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final SessionStore store = new SessionStore(new SecureRandom(), clock);

    @Test
    void sessionsCarryTheirUserAndADistinctCsrfToken() {
        SessionStore.Session session = store.create(42);

        assertThat(store.touch(session.id())).get().satisfies(s -> {
            assertThat(s.userId()).isEqualTo(42);
            assertThat(s.csrfToken()).isNotEqualTo(s.id()).hasSize(32);
        });
    }

    @Test
    void idleSessionsExpireAndActiveOnesDoNot() {
        SessionStore.Session session = store.create(1);
        clock.advance(SessionStore.IDLE_TIMEOUT.minusMinutes(1));
        assertThat(store.touch(session.id())).isPresent();

        clock.advance(SessionStore.IDLE_TIMEOUT.minusMinutes(1));
        assertThat(store.touch(session.id())).as("touched again within the timeout").isPresent();

        clock.advance(SessionStore.IDLE_TIMEOUT.plusSeconds(1));
        assertThat(store.touch(session.id())).isEmpty();
    }

    @Test
    void unknownAndRemovedSessionsAreEmpty() {
        SessionStore.Session session = store.create(1);
        store.remove(session.id());

        assertThat(store.touch(session.id())).isEmpty();
        assertThat(store.touch("made-up")).isEmpty();
        assertThat(store.touch(null)).isEmpty();
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
