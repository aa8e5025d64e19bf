package com.example.ats.messaging.outbox;

import com.example.ats.messaging.conversation.Channel;
import com.example.ats.messaging.conversation.ReplyTokens;
import com.example.ats.messaging.db.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The outbox's view of msg_message. Claiming locks due rows with {@code FOR UPDATE SKIP LOCKED}
 * (PostgreSQL and H2 both have it), so several host nodes on one database each take different
 * messages and nobody waits on another's lock. A claim is a lease: status SENDING until
 * {@code lease_until}; every later transition is conditional on still being SENDING, so a late
 * writer (a node that lost its lease) cannot undo what another recorded.
 *
 * <p>Plain JDBC inside the plugin's transactions: the locking clause and the batch updates are the
 * point here, and the ORM would only hide them.
 */
public final class OutboxStore {
    private static final String DETAILS = "SELECT m.id, m.conversation_id, c.recruiter_id, m.candidate_id, m.channel, "
            + "m.subject, m.body, m.author_name, c.reply_token, m.attempts "
            + "FROM msg_message m JOIN msg_conversation c ON c.id = m.conversation_id WHERE m.id IN ";

    private final Transactions transactions;
    private final Clock clock;

    public OutboxStore(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Claims up to {@code limit} due QUEUED messages for one attempt each, oldest due first. */
    public List<ClaimedMessage> claimDue(int limit, Duration lease) {
        return claim("SELECT id FROM msg_message WHERE status = 'QUEUED' AND next_attempt_at <= ? "
                + "ORDER BY next_attempt_at, id FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED", limit, lease, true);
    }

    /**
     * Claims SENDING messages whose lease ran out (their node died or the send was ambiguous), for
     * reconciling, not for sending.
     */
    public List<ClaimedMessage> claimExpired(int limit, Duration lease) {
        return claim("SELECT id FROM msg_message WHERE status = 'SENDING' AND lease_until <= ? "
                + "ORDER BY lease_until, id FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED", limit, lease, false);
    }

    private List<ClaimedMessage> claim(String select, int limit, Duration lease, boolean newAttempt) {
        Instant now = clock.instant();
        return transactions.inTransaction(session -> session.doReturningWork(connection -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(select)) {
                statement.setObject(1, utc(now));
                statement.setInt(2, limit);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
            }
            if (ids.isEmpty()) {
                return List.of();
            }
            String update = newAttempt
                    ? "UPDATE msg_message SET status = 'SENDING', attempts = attempts + 1, lease_until = ?, updated_at = ? WHERE id = ?"
                    : "UPDATE msg_message SET lease_until = ?, updated_at = ? WHERE id = ?";
            try (PreparedStatement statement = connection.prepareStatement(update)) {
                for (long id : ids) {
                    statement.setObject(1, utc(now.plus(lease)));
                    statement.setObject(2, utc(now));
                    statement.setLong(3, id);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            return details(connection, ids);
        }));
    }

    private static List<ClaimedMessage> details(Connection connection, List<Long> ids) throws SQLException {
        String placeholders = String.join(",", Collections.nCopies(ids.size(), "?"));
        List<ClaimedMessage> claimed = new ArrayList<>(ids.size());
        try (PreparedStatement statement = connection.prepareStatement(DETAILS + "(" + placeholders + ") ORDER BY m.id")) {
            for (int i = 0; i < ids.size(); i++) {
                statement.setLong(i + 1, ids.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    claimed.add(new ClaimedMessage(rows.getLong(1), rows.getLong(2), rows.getString(3),
                            rows.getString(4), Channel.valueOf(rows.getString(5)), rows.getString(6),
                            rows.getString(7), rows.getString(8), rows.getString(9), rows.getInt(10)));
                }
            }
        }
        return claimed;
    }

    /** The conversation's reply token, given one first if it predates reply tokens. */
    public String ensureReplyToken(long conversationId) {
        return transactions.inTransaction(session -> session.doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE msg_conversation SET reply_token = ? WHERE id = ? AND reply_token IS NULL")) {
                statement.setString(1, ReplyTokens.next());
                statement.setLong(2, conversationId);
                statement.executeUpdate();
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT reply_token FROM msg_conversation WHERE id = ?")) {
                statement.setLong(1, conversationId);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? rows.getString(1) : null;
                }
            }
        }));
    }

    /**
     * Records many acceptances in one transaction (the outbox batches them: one commit per message
     * would cap throughput). Returns the ids that were still SENDING, i.e. actually recorded.
     */
    public java.util.Set<Long> markAllSent(java.util.Map<Long, SendOutcome.Sent> sent) {
        if (sent.isEmpty()) {
            return java.util.Set.of();
        }
        OffsetDateTime now = utc(clock.instant());
        return transactions.inTransaction(session -> session.doReturningWork(connection -> {
            List<Long> ids = new ArrayList<>(sent.keySet());
            try (PreparedStatement statement = connection.prepareStatement("UPDATE msg_message SET status = 'SENT', "
                    + "provider_id = ?, from_address = ?, to_address = ?, lease_until = NULL, error_code = NULL, "
                    + "error_message = NULL, updated_at = ? WHERE id = ? AND status = 'SENDING'")) {
                for (long id : ids) {
                    SendOutcome.Sent outcome = sent.get(id);
                    statement.setString(1, outcome.providerId());
                    statement.setString(2, outcome.fromAddress());
                    statement.setString(3, outcome.toAddress());
                    statement.setObject(4, now);
                    statement.setLong(5, id);
                    statement.addBatch();
                }
                int[] counts = statement.executeBatch();
                java.util.Set<Long> recorded = new java.util.HashSet<>();
                for (int i = 0; i < counts.length; i++) {
                    // Some drivers report SUCCESS_NO_INFO (-2) for batched rows: those count as recorded.
                    if (counts[i] != 0) {
                        recorded.add(ids.get(i));
                    }
                }
                return recorded;
            }
        }));
    }

    /** Puts the message back in the queue, due at {@code at}, with the last error for people to see. */
    public boolean retryAt(long messageId, Instant at, String code, String reason) {
        return update("UPDATE msg_message SET status = 'QUEUED', next_attempt_at = ?, lease_until = NULL, "
                        + "error_code = ?, error_message = ?, updated_at = ? WHERE id = ? AND status = 'SENDING'",
                utc(at), code, truncate(reason), utc(clock.instant()), messageId);
    }

    /** Ends the message FAILED with a readable reason. */
    public boolean fail(long messageId, String code, String reason) {
        return update("UPDATE msg_message SET status = 'FAILED', lease_until = NULL, next_attempt_at = NULL, "
                        + "error_code = ?, error_message = ?, updated_at = ? WHERE id = ? AND status = 'SENDING'",
                code, truncate(reason), utc(clock.instant()), messageId);
    }

    /** Lets the lease run out now, so the next round reconciles the message before anything else. */
    public boolean reconcileSoon(long messageId, String code, String reason) {
        return update("UPDATE msg_message SET lease_until = ?, error_code = ?, error_message = ?, updated_at = ? "
                        + "WHERE id = ? AND status = 'SENDING'",
                utc(clock.instant()), code, truncate(reason), utc(clock.instant()), messageId);
    }

    /** Extends a reconciliation that could not ask the provider yet. */
    public boolean askAgainAt(long messageId, Instant at) {
        return update("UPDATE msg_message SET lease_until = ? WHERE id = ? AND status = 'SENDING'", utc(at), messageId);
    }

    /** Whether some message already carries this provider id. */
    public boolean isKnownProviderId(String providerId) {
        return transactions.inTransaction(session -> session.doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT 1 FROM msg_message WHERE provider_id = ?")) {
                statement.setString(1, providerId);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next();
                }
            }
        }));
    }

    /** Outbound messages that ended FAILED since the instant (e.g. the start of today, UTC). */
    public long failedSince(Instant since) {
        return transactions.inTransaction(session -> session.doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM msg_message "
                    + "WHERE status = 'FAILED' AND direction = 'OUTBOUND' AND updated_at >= ?")) {
                statement.setObject(1, utc(since));
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        }));
    }

    /** How many messages wait to be sent, and since when the oldest waits (null when none). */
    public record Depth(long queued, Instant oldestQueuedAt) {
    }

    public Depth depth() {
        return transactions.inTransaction(session -> session.doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT COUNT(*), MIN(created_at) FROM msg_message WHERE status IN ('QUEUED', 'SENDING')");
                 ResultSet rows = statement.executeQuery()) {
                rows.next();
                OffsetDateTime oldest = rows.getObject(2, OffsetDateTime.class);
                return new Depth(rows.getLong(1), oldest == null ? null : oldest.toInstant());
            }
        }));
    }

    private boolean update(String sql, Object... values) {
        return transactions.inTransaction(session -> session.doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    statement.setObject(i + 1, values[i]);
                }
                return statement.executeUpdate() == 1;
            }
        }));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String reason) {
        return reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 997) + "...";
    }
}
