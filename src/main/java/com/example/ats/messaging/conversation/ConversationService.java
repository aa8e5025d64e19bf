package com.example.ats.messaging.conversation;

import com.example.ats.messaging.consent.Availability;
import com.example.ats.messaging.consent.ChannelEligibility;
import com.example.ats.messaging.db.Transactions;
import com.example.ats.messaging.events.MessagingEvents;
import com.example.ats.messaging.rest.ApiException;
import com.example.ats.messaging.rest.Paging;
import com.example.ats.messaging.spi.CandidateDirectory;
import com.example.ats.messaging.spi.HostCandidate;
import com.example.ats.messaging.spi.HostPermissions;
import com.example.ats.messaging.spi.HostUser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What recruiters do with conversations, with the host's permission rules applied to every step:
 * a recruiter works only in their own conversations, and only with candidates the host lets them
 * see; the channel rules are checked again when a message is queued.
 */
public final class ConversationService {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    private static final int MAX_START_ATTEMPTS = 5;

    private final ConversationStore store;
    private final CandidateDirectory directory;
    private final HostPermissions permissions;
    private final ChannelEligibility eligibility;
    private final MessagingEvents events;
    private final Views views;
    private final Runnable afterQueued;

    public ConversationService(ConversationStore store, CandidateDirectory directory, HostPermissions permissions,
                               ChannelEligibility eligibility, MessagingEvents events, Views views) {
        this(store, directory, permissions, eligibility, events, views, () -> { });
    }

    /** @param afterQueued told after a new message was queued (wakes the outbox) */
    public ConversationService(ConversationStore store, CandidateDirectory directory, HostPermissions permissions,
                               ChannelEligibility eligibility, MessagingEvents events, Views views,
                               Runnable afterQueued) {
        this.afterQueued = afterQueued;
        this.store = store;
        this.directory = directory;
        this.permissions = permissions;
        this.eligibility = eligibility;
        this.events = events;
        this.views = views;
    }

    /** A conversation, and whether this call started it. */
    public record Opened(ConversationView conversation, boolean created) {
    }

    /** {@code {"conversations":[...],"next":C|null}}. */
    public record ConversationList(List<ConversationView> conversations, String next) {
    }

    /** {@code {"messages":[...],"next":C|null}}. */
    public record MessageList(List<MessageView> messages, String next) {
    }

    /** A queued message, and whether it was an earlier request's (same idempotency key). */
    public record Sent(MessageView message, boolean replayed) {
    }

    public Opened start(HostUser user, Locale locale, String candidateId) {
        if (candidateId == null || candidateId.isBlank()) {
            throw new ApiException(400, "CANDIDATE_REQUIRED", "messaging.error.candidate.required");
        }
        HostCandidate candidate = visibleCandidate(user, candidateId.trim());
        if (!permissions.canContact(user, candidate.id())) {
            throw ApiException.forbidden();
        }
        ConversationStore.Started started = startOrFind(user.id(), candidate.id());
        ConversationEntity conversation = started.conversation();
        MessageEntity last = conversation.getLastMessageId() == null ? null
                : store.message(conversation.getLastMessageId()).orElse(null);
        return new Opened(views.conversation(conversation, candidate, last, locale), started.created());
    }

    /**
     * Concurrent first chats of one recruiter race on the conversation and the counter row; a loser
     * of the race tries again and finds what the winner committed.
     */
    private ConversationStore.Started startOrFind(String recruiterId, String candidateId) {
        for (int attempt = 1; ; attempt++) {
            try {
                return store.findOrCreate(recruiterId, candidateId);
            } catch (RuntimeException e) {
                if (!Transactions.isConstraintViolation(e) || attempt == MAX_START_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    public ConversationList list(HostUser user, Locale locale, String cursor, String limitText) {
        int limit = Paging.limit(limitText, DEFAULT_LIMIT, MAX_LIMIT);
        List<ConversationStore.WithLastMessage> rows = store.recent(user.id(), Cursor.decode(cursor), limit + 1);
        List<ConversationStore.WithLastMessage> page = Paging.head(rows, limit);
        List<String> candidateIds = page.stream().map(r -> r.conversation().getCandidateId()).distinct().toList();
        Set<String> visible = candidateIds.isEmpty() ? Set.of() : permissions.viewable(user, candidateIds);
        Map<String, HostCandidate> candidates = visible.isEmpty() ? Map.of() : directory.getAll(visible);
        List<ConversationView> views = new ArrayList<>();
        for (ConversationStore.WithLastMessage row : page) {
            ConversationEntity conversation = row.conversation();
            // Candidates the recruiter may no longer see (confidential now, deleted) drop out of the list.
            if (visible.contains(conversation.getCandidateId())) {
                views.add(this.views.conversation(conversation, candidates.get(conversation.getCandidateId()),
                        row.lastMessage(), locale));
            }
        }
        ConversationEntity edge = page.isEmpty() ? null : page.get(page.size() - 1).conversation();
        String next = rows.size() > limit ? new Cursor(edge.getLastActivityAt(), edge.getId()).encode() : null;
        return new ConversationList(views, next);
    }

    public MessageList messages(HostUser user, Locale locale, String conversationId, String before, String limitText) {
        ConversationEntity conversation = ownConversation(user, conversationId);
        int limit = Paging.limit(limitText, DEFAULT_LIMIT, MAX_LIMIT);
        return page(store.messagesOf(conversation.getId(), Cursor.decode(before), limit + 1), limit, locale);
    }

    public MessageList communications(HostUser user, Locale locale, String candidateId, String before, String limitText) {
        HostCandidate candidate = visibleCandidate(user, candidateId);
        int limit = Paging.limit(limitText, DEFAULT_LIMIT, MAX_LIMIT);
        return page(store.messagesWith(candidate.id(), Cursor.decode(before), limit + 1), limit, locale);
    }

    public Sent send(HostUser user, Locale locale, String conversationId, SendRequest request, String idempotencyKey) {
        ConversationEntity conversation = ownConversation(user, conversationId);
        OutboundMessage message = request == null ? new SendRequest(null, null, null).validate() : request.validate();
        IdempotencyKey key = idempotencyKey(idempotencyKey, conversation.getId(), message);
        if (key != null) {
            var earlier = replay(user, key);
            if (earlier.isPresent()) {
                return new Sent(views.message(earlier.get(), locale), true);
            }
        }
        if (!permissions.canContact(user, conversation.getCandidateId())) {
            throw ApiException.forbidden();
        }
        HostCandidate candidate = directory.get(conversation.getCandidateId())
                .orElseThrow(() -> new ApiException(404, "CANDIDATE_NOT_FOUND", "messaging.error.candidate.not.found"));
        Availability availability = eligibility.of(candidate).of(message.channel());
        if (!availability.allowed()) {
            String code = message.channel().name() + "_NOT_ALLOWED";
            throw new ApiException(422, code, "messaging.error." + message.channel().name().toLowerCase(Locale.ROOT)
                    + ".not.allowed", views.reason(locale, availability.reason())).withReason(availability.reason());
        }
        ConversationStore.Queued queued;
        try {
            queued = store.queueOutbound(conversation.getId(), message, new Author(user.id(), user.displayName()), key);
        } catch (IdempotencyKeyReusedException reused) {
            throw keyReused();
        } catch (RuntimeException e) {
            if (key == null || !Transactions.isConstraintViolation(e)) {
                throw e;
            }
            // The same key arrived twice at once and the other request won: answer with its message.
            queued = new ConversationStore.Queued(replay(user, key).orElseThrow(() -> e), true);
        }
        if (!queued.replayed()) {
            events.announce(conversation, queued.message());
            afterQueued.run();
        }
        return new Sent(views.message(queued.message(), locale), queued.replayed());
    }

    /** Sends a FAILED message again (202 with the message, QUEUED). */
    public MessageView retry(HostUser user, Locale locale, String conversationId, String messageId) {
        ConversationEntity conversation = ownConversation(user, conversationId);
        if (!permissions.canContact(user, conversation.getCandidateId())) {
            throw ApiException.forbidden();
        }
        return requeueFailed(conversation, parseId(messageId).orElseThrow(ConversationService::messageNotFound), locale);
    }

    /**
     * Puts a FAILED message of the conversation back in the queue, tells the recruiter's pages and
     * wakes the outbox; 404 when it is not in the conversation, 409 {@code MESSAGE_NOT_FAILED}.
     * Callers check who may do it (the recruiter above, administrators for any message).
     */
    public MessageView requeueFailed(ConversationEntity conversation, long messageId, Locale locale) {
        switch (store.retryFailed(conversation.getId(), messageId)) {
            case NOT_FOUND -> throw messageNotFound();
            case NOT_FAILED -> throw new ApiException(409, "MESSAGE_NOT_FAILED", "messaging.error.message.not.failed");
            default -> { }
        }
        MessageEntity message = store.message(messageId).orElseThrow(ConversationService::messageNotFound);
        events.announce(conversation, message);
        afterQueued.run();
        return views.message(message, locale);
    }

    private static ApiException messageNotFound() {
        return new ApiException(404, "MESSAGE_NOT_FOUND", "messaging.error.message.not.found");
    }

    public void markRead(HostUser user, String conversationId) {
        if (store.markRead(ownConversation(user, conversationId).getId()) > 0) {
            events.announceRead(user.id());
        }
    }

    public long unread(HostUser user) {
        return store.unreadFor(user.id());
    }

    private java.util.Optional<MessageEntity> replay(HostUser user, IdempotencyKey key) {
        try {
            return store.replay(user.id(), key);
        } catch (IdempotencyKeyReusedException reused) {
            throw keyReused();
        }
    }

    private static ApiException keyReused() {
        return new ApiException(422, "IDEMPOTENCY_KEY_REUSED", "messaging.error.idempotency.reused");
    }

    private MessageList page(List<MessageEntity> rows, int limit, Locale locale) {
        List<MessageEntity> newestFirst = Paging.head(rows, limit);
        List<MessageView> oldestFirst = new ArrayList<>(newestFirst.size());
        for (MessageEntity message : newestFirst) {
            oldestFirst.add(views.message(message, locale));
        }
        Collections.reverse(oldestFirst);
        String next = rows.size() > limit
                ? new Cursor(newestFirst.get(limit - 1).getCreatedAt(), newestFirst.get(limit - 1).getId()).encode()
                : null;
        return new MessageList(oldestFirst, next);
    }

    /** The caller's own conversation; anyone else's is "not found" (no hint that it exists). */
    private ConversationEntity ownConversation(HostUser user, String conversationId) {
        ConversationEntity conversation = parseId(conversationId).flatMap(store::find)
                .filter(c -> c.getRecruiterId().equals(user.id()))
                .orElseThrow(() -> new ApiException(404, "CONVERSATION_NOT_FOUND", "messaging.error.conversation.not.found"));
        if (!permissions.canView(user, conversation.getCandidateId())) {
            throw ApiException.forbidden();
        }
        return conversation;
    }

    private HostCandidate visibleCandidate(HostUser user, String candidateId) {
        HostCandidate candidate = directory.get(candidateId)
                .orElseThrow(() -> new ApiException(404, "CANDIDATE_NOT_FOUND", "messaging.error.candidate.not.found"));
        if (!permissions.canView(user, candidate.id())) {
            throw ApiException.forbidden();
        }
        return candidate;
    }

    private static IdempotencyKey idempotencyKey(String header, long conversationId, OutboundMessage message) {
        if (header == null) {
            return null;
        }
        if (header.isBlank() || header.length() > 255 || !header.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new ApiException(400, "INVALID_IDEMPOTENCY_KEY", "messaging.error.idempotency.invalid");
        }
        return new IdempotencyKey(header, SendRequest.fingerprint(conversationId, message));
    }

    private static java.util.Optional<Long> parseId(String id) {
        if (id == null || id.isEmpty() || id.length() > 18 || !id.chars().allMatch(Character::isDigit)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Long.parseLong(id));
    }
}
