package com.example.ats.refhost.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Users by id, remembered for a few seconds: every authenticated request needs its user, and a
 * database round trip for each would cost more than the request's own work. A changed role or
 * name shows after at most {@link #TTL}.
 */
public final class RecentUsers {
    static final Duration TTL = Duration.ofSeconds(10);
    private static final int MAX_ENTRIES = 10_000;

    private final UserRepository users;
    private final Clock clock;
    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(User user, Instant until) {
    }

    public RecentUsers(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    public Optional<User> byId(long id) {
        Instant now = clock.instant();
        Entry entry = entries.get(id);
        if (entry != null && entry.until().isAfter(now)) {
            return Optional.of(entry.user());
        }
        Optional<User> user = users.findById(id);
        if (user.isPresent()) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(id, new Entry(user.get(), now.plus(TTL)));
        } else {
            entries.remove(id);
        }
        return user;
    }
}
