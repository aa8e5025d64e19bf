package com.example.ats.messaging.outbox;

import com.example.ats.messaging.conversation.ConversationEntity;
import com.example.ats.messaging.conversation.ConversationService;
import com.example.ats.messaging.conversation.ConversationStore;
import com.example.ats.messaging.conversation.ConversationView;
import com.example.ats.messaging.conversation.Cursor;
import com.example.ats.messaging.conversation.MessageEntity;
import com.example.ats.messaging.conversation.MessageView;
import com.example.ats.messaging.conversation.Views;
import com.example.ats.messaging.i18n.Messages;
import com.example.ats.messaging.rest.ApiException;
import com.example.ats.messaging.rest.Paging;
import com.example.ats.messaging.spi.CandidateDirectory;
import com.example.ats.messaging.spi.HostCandidate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Messages that ended FAILED, over all recruiters, for administrators: listed newest first with
 * their reasons, and sent again on request (back to QUEUED; the outbox takes it from there).
 */
public final class FailedMessages {
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;

    private final ConversationStore store;
    private final ConversationService conversations;
    private final CandidateDirectory directory;
    private final Views views;
    private final Messages messages;

    public FailedMessages(ConversationStore store, ConversationService conversations, CandidateDirectory directory,
                          Views views, Messages messages) {
        this.store = store;
        this.conversations = conversations;
        this.directory = directory;
        this.views = views;
        this.messages = messages;
    }

    /** One failed message with the candidate it was for (named "Deleted candidate" when gone). */
    public record Failed(MessageView message, ConversationView.CandidateRef candidate) {
    }

    /** {@code {"failed":[...],"next":cursor|null}}. */
    public record FailedList(List<Failed> failed, String next) {
    }

    public FailedList list(Locale locale, String before, String limitText) {
        int limit = Paging.limit(limitText, DEFAULT_LIMIT, MAX_LIMIT);
        List<MessageEntity> rows = store.failedMessages(Cursor.decode(before), limit + 1);
        List<MessageEntity> page = Paging.head(rows, limit);
        Map<String, HostCandidate> candidates = directory.getAll(page.stream().map(MessageEntity::getCandidateId)
                .distinct().toList());
        List<Failed> failed = new ArrayList<>(page.size());
        for (MessageEntity message : page) {
            HostCandidate candidate = candidates.get(message.getCandidateId());
            String name = candidate != null ? candidate.name() : messages.text(locale, "messaging.candidate.unknown");
            failed.add(new Failed(views.message(message, locale),
                    new ConversationView.CandidateRef(message.getCandidateId(), name)));
        }
        String next = rows.size() > limit
                ? new Cursor(page.get(limit - 1).getCreatedAt(), page.get(limit - 1).getId()).encode() : null;
        return new FailedList(failed, next);
    }

    /** Queues a failed message again: 404 when unknown, 409 {@code MESSAGE_NOT_FAILED} when it did not fail. */
    public MessageView retry(Locale locale, String messageId) {
        long id = parseId(messageId);
        MessageEntity message = store.message(id).orElseThrow(FailedMessages::notFound);
        ConversationEntity conversation = store.find(message.getConversationId()).orElseThrow(FailedMessages::notFound);
        return conversations.requeueFailed(conversation, id, locale);
    }

    private static long parseId(String text) {
        if (text == null || !text.matches("[0-9]{1,18}")) {
            throw notFound();
        }
        return Long.parseLong(text);
    }

    private static ApiException notFound() {
        return new ApiException(404, "MESSAGE_NOT_FOUND", "messaging.error.failed.not.found");
    }
}
