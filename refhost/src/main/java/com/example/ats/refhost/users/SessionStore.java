package com.example.ats.refhost.users;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Login sessions, in memory: a restart logs everyone out, which is fine for a reference host.
 * Each session carries its own CSRF token for state-changing requests.
 */
public final class SessionStore {
    public static final Duration IDLE_TIMEOUT = Duration.ofHours(8);

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random;
    private final Clock clock;

    public SessionStore(SecureRandom random, Clock clock) {
        this.random = random;
        this.clock = clock;
    }

    /** A logged-in user's session. */
    public record Session(String id, long userId, String csrfToken, Instant lastSeen) {
    }

    public Session create(long userId) {
        Session session = new Session(token(), userId, token(), clock.instant());
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session with this id, its idle timer restarted; empty when unknown or expired. */
    public Optional<Session> touch(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session session = sessions.computeIfPresent(id, (key, s) ->
                s.lastSeen().plus(IDLE_TIMEOUT).isBefore(now) ? null
                        : new Session(s.id(), s.userId(), s.csrfToken(), now));
        return Optional.ofNullable(session);
    }

    public void remove(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** A fresh unguessable token (192 bits, URL-safe). */
    public String token() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
