package com.example.ats.refhost.bench;

import com.example.ats.refhost.users.Passwords;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Fills a host database (already migrated by one start of the host) with benchmark data:
 * RECRUITERS recruiters (users rec1..recN, password "bench"), CANDIDATES candidates, and
 * CONVERSATIONS conversations of MESSAGES_PER_CONVERSATION messages each, with consistent unread
 * counters. Rows are generated inside the database (H2's SYSTEM_RANGE, PostgreSQL's
 * generate_series), so 10 million messages take a minute or two, not an hour.
 *
 * <p>Usage: {@code DataGenerator JDBC_URL USER PASSWORD [recruiters] [conversations] [messagesPerConversation]}
 */
public final class DataGenerator {
    static final long USER_OFFSET = 1_000;
    static final long CANDIDATE_OFFSET = 100_000;
    static final int CANDIDATES = 10_000;

    private DataGenerator() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int recruiters = args.length > 3 ? Integer.parseInt(args[3]) : 1_000;
        int conversations = args.length > 4 ? Integer.parseInt(args[4]) : 100_000;
        int perConversation = args.length > 5 ? Integer.parseInt(args[5]) : 100;
        boolean postgres = url.startsWith("jdbc:postgresql:");
        String range = postgres ? "generate_series(1, %d) AS r(x)" : "SYSTEM_RANGE(1, %d) AS r(x)";
        String x = postgres ? "r.x" : "r.X";
        // Cheap hash on purpose: the benchmark measures the messaging API, not password checks.
        String hash = new Passwords(new SecureRandom()).hash("bench", 1_000);
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, args[1], args[2]); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            step(s, "recruiters", "INSERT INTO host_users (id, username, password_hash, display_name, email, role, "
                    + "sees_confidential, locale, time_zone) SELECT " + USER_OFFSET + " + " + x + ", 'rec' || " + x + ", '"
                    + hash + "', 'Recruiter ' || " + x + ", 'rec' || " + x + " || '@ats.example.com', 'RECRUITER', TRUE, "
                    + "'en', 'UTC' FROM " + String.format(range, recruiters));
            step(s, "candidates", "INSERT INTO host_candidates (id, name, email, phone, phone_e164, sms_opt_in, "
                    + "confidential, created_at, updated_at) SELECT " + CANDIDATE_OFFSET + " + " + x
                    + ", 'Bench Candidate ' || " + x + ", 'bench' || " + x + " || '@example.net', NULL, NULL, TRUE, FALSE, "
                    + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM " + String.format(range, CANDIDATES));
            int perRecruiter = conversations / recruiters;
            String base = "TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00'";
            String seconds = postgres ? "(%s) * INTERVAL '1 second'" : "CAST(%s AS INTEGER) * INTERVAL '1' SECOND";
            step(s, "conversations", "INSERT INTO msg_conversation (id, recruiter_id, candidate_id, created_at, "
                    + "last_activity_at, last_message_id, unread_count) SELECT " + x + ", CAST(" + USER_OFFSET
                    + " + 1 + (" + x + " - 1) / " + perRecruiter + " AS VARCHAR(64)), CAST(" + CANDIDATE_OFFSET + " + 1 + MOD("
                    + x + " - 1, " + CANDIDATES + ") AS VARCHAR(64)), " + base + ", " + base + " + "
                    + String.format(seconds, x + " * " + perConversation) + ", " + x + " * " + perConversation + ", MOD("
                    + x + ", 4) FROM " + String.format(range, conversations));
            long messages = (long) conversations * perConversation;
            step(s, "messages", "INSERT INTO msg_message (id, conversation_id, candidate_id, direction, channel, subject, "
                    + "body, status, author_id, author_name, provider_id, erased, created_at, updated_at) SELECT " + x
                    + ", (" + x + " - 1) / " + perConversation + " + 1, CAST(" + CANDIDATE_OFFSET + " + 1 + MOD((" + x
                    + " - 1) / " + perConversation + ", " + CANDIDATES + ") AS VARCHAR(64)), "
                    + "CASE WHEN MOD(" + x + ", 2) = 0 THEN 'OUTBOUND' ELSE 'INBOUND' END, "
                    + "CASE WHEN MOD(" + x + ", 3) = 0 THEN 'SMS' ELSE 'EMAIL' END, 'Subject ' || " + x + ", "
                    + "'Hello, this is message number ' || " + x + " || ' of the benchmark; it is about as long as a short note.', "
                    + "CASE WHEN MOD(" + x + ", 2) = 0 THEN 'DELIVERED' ELSE 'RECEIVED' END, NULL, NULL, NULL, FALSE, "
                    + base + " + " + String.format(seconds, x) + ", " + base + " + " + String.format(seconds, x)
                    + " FROM " + String.format(range, messages));
            step(s, "unread counters", "INSERT INTO msg_recruiter_unread (recruiter_id, unread_count) "
                    + "SELECT recruiter_id, SUM(unread_count) FROM msg_conversation GROUP BY recruiter_id");
            // New rows the running host creates must not collide with the generated ids.
            long next = messages + 1_000;
            step(s, "sequences", postgres
                    ? "SELECT setval('msg_message_seq', " + next + "), setval('msg_conversation_seq', " + (conversations + 1_000) + ")"
                    : "ALTER SEQUENCE msg_message_seq RESTART WITH " + next);
            if (!postgres) {
                step(s, "sequences", "ALTER SEQUENCE msg_conversation_seq RESTART WITH " + (conversations + 1_000));
            }
            step(s, "statistics", postgres ? "ANALYZE" : "ANALYZE");
        }
        System.out.printf("generated %d recruiters, %d conversations, %d messages in %d s%n", recruiters, conversations,
                (long) conversations * perConversation, Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    private static void step(Statement s, String name, String sql) throws SQLException {
        long started = System.nanoTime();
        s.execute(sql);
        System.out.printf("  %-16s %6d ms%n", name, Duration.ofNanos(System.nanoTime() - started).toMillis());
    }
}
