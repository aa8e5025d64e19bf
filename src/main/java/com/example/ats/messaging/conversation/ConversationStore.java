package com.example.ats.messaging.conversation;

import com.example.ats.messaging.db.Transactions;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/**
 * The plugin's conversation and message tables. Every change to messages updates the unread
 * counters in the same transaction, locking the conversation row first, then the recruiter's
 * counter (always in that order, so concurrent updates cannot deadlock).
 */
public final class ConversationStore {
    private final Transactions transactions;
    private final Clock clock;

    public ConversationStore(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A conversation, and whether this call created it. */
    public record Started(ConversationEntity conversation, boolean created) {
    }

    /** The recruiter's conversation with the candidate, created when there is none. */
    public Started findOrCreate(String recruiterId, String candidateId) {
        return transactions.inTransaction(session -> {
            Optional<ConversationEntity> existing = findPair(session, recruiterId, candidateId);
            if (existing.isPresent()) {
                return new Started(existing.get(), false);
            }
            ConversationEntity conversation = new ConversationEntity(recruiterId, candidateId, clock.instant());
            session.persist(conversation);
            ensureCounter(session, recruiterId);
            return new Started(conversation, true);
        });
    }

    public Optional<ConversationEntity> find(long conversationId) {
        return transactions.read(session -> Optional.ofNullable(session.get(ConversationEntity.class, conversationId)));
    }

    /** A conversation with its latest message (null in a new conversation). */
    public record WithLastMessage(ConversationEntity conversation, MessageEntity lastMessage) {
    }

    /**
     * A recruiter's conversations, most recent activity first, strictly after the cursor, each with
     * its latest message, in one query.
     */
    public List<WithLastMessage> recent(String recruiterId, Cursor after, int limit) {
        return transactions.read(session -> {
            String where = after == null ? "" : " and (c.lastActivityAt < :at or (c.lastActivityAt = :at and c.id < :id))";
            var query = session.createSelectionQuery("select c, m from ConversationEntity c "
                            + "left join MessageEntity m on m.id = c.lastMessageId "
                            + "where c.recruiterId = :recruiter" + where
                            + " order by c.lastActivityAt desc, c.id desc", Object[].class)
                    .setParameter("recruiter", recruiterId)
                    .setMaxResults(limit);
            if (after != null) {
                query.setParameter("at", after.at()).setParameter("id", after.id());
            }
            return query.getResultList().stream()
                    .map(row -> new WithLastMessage((ConversationEntity) row[0], (MessageEntity) row[1]))
                    .toList();
        });
    }

    /** A conversation's messages before the cursor, newest first. */
    public List<MessageEntity> messagesOf(long conversationId, Cursor before, int limit) {
        return messagesWhere("m.conversationId = :owner", conversationId, before, limit);
    }

    /** All messages with a candidate (any recruiter) before the cursor, newest first. */
    public List<MessageEntity> messagesWith(String candidateId, Cursor before, int limit) {
        return messagesWhere("m.candidateId = :owner", candidateId, before, limit);
    }

    /** Outbound messages that ended FAILED (any recruiter) before the cursor, newest first. */
    public List<MessageEntity> failedMessages(Cursor before, int limit) {
        return messagesWhere("m.status = :owner", MessageStatus.FAILED, before, limit);
    }

    private List<MessageEntity> messagesWhere(String owner, Object ownerValue, Cursor before, int limit) {
        return transactions.read(session -> {
            String where = before == null ? "" : " and (m.createdAt < :at or (m.createdAt = :at and m.id < :id))";
            var query = session.createSelectionQuery("from MessageEntity m where " + owner + where
                    + " order by m.createdAt desc, m.id desc", MessageEntity.class)
                    .setParameter("owner", ownerValue)
                    .setMaxResults(limit);
            if (before != null) {
                query.setParameter("at", before.at()).setParameter("id", before.id());
            }
            return query.getResultList();
        });
    }

    public Optional<MessageEntity> message(long messageId) {
        return transactions.read(session -> Optional.ofNullable(session.get(MessageEntity.class, messageId)));
    }

    /** A queued message, and whether an earlier request with the same idempotency key made it. */
    public record Queued(MessageEntity message, boolean replayed) {
    }

    /**
     * Queues a recruiter's message. With an idempotency key, the first request's message is
     * returned for every later one; a key reused for a different request is refused.
     */
    public Queued queueOutbound(long conversationId, OutboundMessage message, Author author, IdempotencyKey key) {
        return transactions.inTransaction(session -> {
            if (key != null) {
                Optional<MessageEntity> earlier = replay(session, author.id(), key);
                if (earlier.isPresent()) {
                    return new Queued(earlier.get(), true);
                }
            }
            ConversationEntity conversation = lockConversation(session, conversationId);
            MessageEntity entity = MessageEntity.outbound(conversation, message, author, clock.instant());
            session.persist(entity);
            session.flush();
            conversation.touch(entity);
            if (key != null) {
                session.persist(new IdempotencyKeyEntity(author.id(), key, entity.getId(), clock.instant()));
            }
            return new Queued(entity, false);
        });
    }

    /** The message an earlier request with this key made (read after a concurrent insert won). */
    public Optional<MessageEntity> replay(String recruiterId, IdempotencyKey key) {
        return transactions.inTransaction(session -> replay(session, recruiterId, key));
    }

    private static Optional<MessageEntity> replay(Session session, String recruiterId, IdempotencyKey key) {
        IdempotencyKeyEntity stored = session.find(IdempotencyKeyEntity.class,
                new IdempotencyKeyEntity.Id(recruiterId, key.value()));
        if (stored == null) {
            return Optional.empty();
        }
        if (!stored.getRequestHash().equals(key.requestHash())) {
            throw new IdempotencyKeyReusedException();
        }
        return Optional.of(session.find(MessageEntity.class, stored.getMessageId()));
    }

    /** An inbound message, and whether it was a redelivery of one already stored. */
    public record Received(MessageEntity message, boolean duplicate) {
    }

    /**
     * Stores a candidate's message in the conversation and counts it unread for its recruiter,
     * in one transaction. The same provider id twice stores it once.
     */
    public Received recordInbound(long conversationId, InboundMessage message) {
        ConversationEntity conversation = find(conversationId)
                .orElseThrow(() -> new IllegalArgumentException("No conversation " + conversationId));
        return recordInbound(conversation, message);
    }

    /**
     * The same, for a conversation the caller already routed to (saves reading it again). A
     * redelivery is found by its provider id; two deliveries at the same moment both pass that
     * check, and the unique key stops the second, which then returns the first's message.
     */
    public Received recordInbound(ConversationEntity conversation, InboundMessage message) {
        try {
            return storeInbound(conversation, message);
        } catch (RuntimeException e) {
            Optional<MessageEntity> stored = Transactions.isConstraintViolation(e)
                    ? byProviderId(message.providerId()) : Optional.empty();
            return stored.map(m -> new Received(m, true)).orElseThrow(() -> e);
        }
    }

    private Received storeInbound(ConversationEntity conversation, InboundMessage message) {
        return transactions.inTransaction(session -> {
            Optional<MessageEntity> known = byProviderId(session, message.providerId());
            if (known.isPresent()) {
                return new Received(known.get(), true);
            }
            MessageEntity entity = MessageEntity.inbound(conversation, message, clock.instant());
            session.persist(entity);
            session.flush();
            // One statement for activity, unread and notification; it also locks the conversation
            // row before the recruiter's counter (the order every writer keeps). Automatic answers
            // (out of office, list mail) are kept but alert nobody.
            int unread = message.autoReply() ? 0 : 1;
            int updated = session.createMutationQuery("update ConversationEntity c set c.lastMessageId = :message, "
                            + "c.lastActivityAt = case when c.lastActivityAt < :at then :at else c.lastActivityAt end, "
                            + "c.unreadCount = c.unreadCount + :unread, "
                            + "c.notifyPending = case when :unread > 0 then true else c.notifyPending end where c.id = :id")
                    .setParameter("message", entity.getId())
                    .setParameter("at", entity.getCreatedAt())
                    .setParameter("unread", unread)
                    .setParameter("id", conversation.getId()).executeUpdate();
            if (updated == 0) {
                throw new IllegalArgumentException("No conversation " + conversation.getId());
            }
            if (unread > 0) {
                addUnread(session, conversation.getRecruiterId(), unread);
            }
            return new Received(entity, false);
        });
    }

    /** The conversation whose latest outbound message on the channel went from {@code from} to {@code to}. */
    public Optional<ConversationEntity> conversationLastSent(Channel channel, String to, String from) {
        return transactions.read(session -> session.createSelectionQuery("select c from MessageEntity m "
                        + "join ConversationEntity c on c.id = m.conversationId "
                        + "where m.toAddress = :to and m.fromAddress = :from and m.channel = :channel "
                        + "and m.direction = :outbound order by m.createdAt desc", ConversationEntity.class)
                .setParameter("to", to).setParameter("from", from).setParameter("channel", channel)
                .setParameter("outbound", Direction.OUTBOUND)
                .setMaxResults(1).uniqueResultOptional());
    }

    /** The candidate's conversation with the most recent activity (their last contact's), if any. */
    public Optional<ConversationEntity> latestConversationOf(String candidateId) {
        return transactions.read(session -> session.createSelectionQuery(
                        "from ConversationEntity c where c.candidateId = :candidate order by c.lastActivityAt desc, c.id desc",
                        ConversationEntity.class)
                .setParameter("candidate", candidateId).setMaxResults(1).uniqueResultOptional());
    }

    /** The most recently active conversation with any of these candidates (their last contact's), if any. */
    public Optional<ConversationEntity> latestConversationOfAny(java.util.Collection<String> candidateIds) {
        return candidateIds.stream()
                .map(this::latestConversationOf)
                .flatMap(Optional::stream)
                .max(java.util.Comparator.comparing(ConversationEntity::getLastActivityAt));
    }

    /** The conversation with this reply token. */
    public Optional<ConversationEntity> byReplyToken(String token) {
        return transactions.read(session -> session.createSelectionQuery(
                        "from ConversationEntity c where c.replyToken = :token", ConversationEntity.class)
                .setParameter("token", token).uniqueResultOptional());
    }

    /** The message with this provider id (e.g. an email's Message-ID we sent). */
    public Optional<MessageEntity> byProviderId(String providerId) {
        return transactions.read(session -> session.createSelectionQuery(
                        "from MessageEntity m where m.providerId = :provider", MessageEntity.class)
                .setParameter("provider", providerId).uniqueResultOptional());
    }

    /**
     * A provider's later word on an outbound message (Twilio status callbacks, bounces). Status only
     * moves forward: a late "sent" never overwrites "delivered". Returns the message when it changed.
     */
    public Optional<MessageEntity> updateStatus(String providerId, MessageStatus status, String errorCode,
                                                String errorMessage) {
        return transactions.inTransaction(session -> {
            MessageEntity message = session.createSelectionQuery(
                            "from MessageEntity m where m.providerId = :provider", MessageEntity.class)
                    .setParameter("provider", providerId)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .uniqueResultOptional().orElse(null);
            if (message == null || message.getDirection() != Direction.OUTBOUND
                    || !message.getStatus().mayMoveTo(status)) {
                return Optional.empty();
            }
            message.moveTo(status, errorCode, errorMessage, clock.instant());
            return Optional.of(message);
        });
    }

    /** What became of a retry request. */
    public enum Retry { REQUEUED, NOT_FOUND, NOT_FAILED }

    /** Queues a FAILED outbound message of the conversation again (a person decided to resend it). */
    public Retry retryFailed(long conversationId, long messageId) {
        return transactions.inTransaction(session -> {
            MessageEntity message = session.find(MessageEntity.class, messageId, LockModeType.PESSIMISTIC_WRITE);
            if (message == null || message.getConversationId() != conversationId) {
                return Retry.NOT_FOUND;
            }
            if (message.getDirection() != Direction.OUTBOUND || message.getStatus() != MessageStatus.FAILED) {
                return Retry.NOT_FAILED;
            }
            message.requeue(clock.instant());
            return Retry.REQUEUED;
        });
    }

    /** Marks everything in a conversation read; returns how many messages were unread. */
    public int markRead(long conversationId) {
        return transactions.inTransaction(session -> {
            ConversationEntity conversation = lockConversation(session, conversationId);
            int unread = conversation.getUnreadCount();
            clearUnread(session, conversation);
            return unread;
        });
    }

    /** Unread inbound messages over all of a recruiter's conversations: one row, no counting. */
    public long unreadFor(String recruiterId) {
        return transactions.read(session -> {
            RecruiterUnreadEntity counter = session.get(RecruiterUnreadEntity.class, recruiterId);
            return counter == null ? 0L : counter.getUnreadCount();
        });
    }

    /**
     * A deleted candidate's messages keep a minimal record (who, when, which way, which channel,
     * status) but lose subject and body; their conversations count nothing unread any more.
     * Returns how many messages were erased.
     */
    public int eraseCandidate(String candidateId) {
        return transactions.inTransaction(session -> {
            List<ConversationEntity> conversations = lockConversationsOf(session, candidateId);
            for (ConversationEntity conversation : conversations) {
                clearUnread(session, conversation);
            }
            return session.createMutationQuery("update MessageEntity m set m.subject = null, m.body = '', "
                            + "m.erased = true, m.updatedAt = :now where m.candidateId = :candidate and m.erased = false")
                    .setParameter("now", clock.instant())
                    .setParameter("candidate", candidateId)
                    .executeUpdate();
        });
    }

    /**
     * The host merged candidate {@code fromId} into {@code intoId}: conversations follow. Where a
     * recruiter already has a conversation with the surviving candidate, the messages move into it
     * (unread counts add up); otherwise the conversation itself moves.
     */
    public void mergeCandidate(String fromId, String intoId) {
        transactions.inTransaction(session -> {
            for (ConversationEntity from : lockConversationsOf(session, fromId)) {
                Optional<ConversationEntity> into = findPair(session, from.getRecruiterId(), intoId);
                if (into.isEmpty()) {
                    session.createMutationQuery("update ConversationEntity c set c.candidateId = :into where c.id = :id")
                            .setParameter("into", intoId).setParameter("id", from.getId()).executeUpdate();
                    continue;
                }
                ConversationEntity target = into.get();
                session.lock(target, LockModeType.PESSIMISTIC_WRITE);
                session.createMutationQuery("update MessageEntity m set m.conversationId = :into where m.conversationId = :from")
                        .setParameter("into", target.getId()).setParameter("from", from.getId()).executeUpdate();
                Instant lastActivity = from.getLastActivityAt().isAfter(target.getLastActivityAt())
                        ? from.getLastActivityAt() : target.getLastActivityAt();
                Long lastMessage = from.getLastActivityAt().isAfter(target.getLastActivityAt())
                        ? from.getLastMessageId() : target.getLastMessageId();
                session.createMutationQuery("update ConversationEntity c set c.unreadCount = c.unreadCount + :n, "
                                + "c.lastActivityAt = :at, c.lastMessageId = :last where c.id = :id")
                        .setParameter("n", from.getUnreadCount()).setParameter("at", lastActivity)
                        .setParameter("last", lastMessage).setParameter("id", target.getId()).executeUpdate();
                session.createMutationQuery("delete from ConversationEntity c where c.id = :id")
                        .setParameter("id", from.getId()).executeUpdate();
            }
            session.createMutationQuery("update MessageEntity m set m.candidateId = :into where m.candidateId = :from")
                    .setParameter("into", intoId).setParameter("from", fromId).executeUpdate();
            return null;
        });
    }

    private static List<ConversationEntity> lockConversationsOf(Session session, String candidateId) {
        return session.createSelectionQuery("from ConversationEntity c where c.candidateId = :candidate order by c.id",
                        ConversationEntity.class)
                .setParameter("candidate", candidateId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    private static void clearUnread(Session session, ConversationEntity conversation) {
        int unread = conversation.getUnreadCount();
        if (unread == 0) {
            return;
        }
        session.createMutationQuery("update ConversationEntity c set c.unreadCount = 0 where c.id = :id")
                .setParameter("id", conversation.getId()).executeUpdate();
        addUnread(session, conversation.getRecruiterId(), -unread);
    }

    private static void addUnread(Session session, String recruiterId, long delta) {
        session.createMutationQuery("update RecruiterUnreadEntity r set r.unreadCount = r.unreadCount + :delta "
                        + "where r.recruiterId = :recruiter")
                .setParameter("delta", delta)
                .setParameter("recruiter", recruiterId)
                .executeUpdate();
    }

    private static Optional<ConversationEntity> findPair(Session session, String recruiterId, String candidateId) {
        return session.createSelectionQuery(
                        "from ConversationEntity c where c.recruiterId = :recruiter and c.candidateId = :candidate",
                        ConversationEntity.class)
                .setParameter("recruiter", recruiterId)
                .setParameter("candidate", candidateId)
                .uniqueResultOptional();
    }

    private static Optional<MessageEntity> byProviderId(Session session, String providerId) {
        if (providerId == null) {
            return Optional.empty();
        }
        return session.createSelectionQuery("from MessageEntity m where m.providerId = :provider", MessageEntity.class)
                .setParameter("provider", providerId)
                .uniqueResultOptional();
    }

    private static ConversationEntity lockConversation(Session session, long conversationId) {
        ConversationEntity conversation = session.find(ConversationEntity.class, conversationId,
                LockModeType.PESSIMISTIC_WRITE);
        if (conversation == null) {
            throw new IllegalArgumentException("No conversation " + conversationId);
        }
        return conversation;
    }

    /**
     * The recruiter's counter row exists from their first conversation on (two first conversations
     * at once: one insert fails on the key and its caller retries, finding the row).
     */
    private static void ensureCounter(Session session, String recruiterId) {
        if (session.find(RecruiterUnreadEntity.class, recruiterId) == null) {
            session.persist(new RecruiterUnreadEntity(recruiterId));
        }
    }
}
