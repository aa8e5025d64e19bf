package com.example.ats.messaging.conversation;

import com.example.ats.messaging.i18n.Messages;
import com.example.ats.messaging.spi.HostCandidate;
import java.util.Locale;

/** Turns entities into the API's views, in the caller's language. */
public final class Views {
    private final Messages messages;

    public Views(Messages messages) {
        this.messages = messages;
    }

    public MessageView message(MessageEntity m, Locale locale) {
        MessageView.ErrorView error = m.getErrorCode() == null ? null
                : new MessageView.ErrorView(m.getErrorCode(), failureText(m, locale));
        MessageView.AuthorView author = m.getAuthorId() == null ? null
                : new MessageView.AuthorView(m.getAuthorId(), m.getAuthorName());
        return new MessageView(m.getId().toString(), m.getConversationId().toString(), m.getCandidateId(),
                m.getDirection(), m.getChannel(), m.getSubject(), m.getBody(), m.getStatus(), error, m.getCreatedAt(),
                author);
    }

    public ConversationView conversation(ConversationEntity c, HostCandidate candidate, MessageEntity last,
                                         Locale locale) {
        String name = candidate != null ? candidate.name() : messages.text(locale, "messaging.candidate.unknown");
        return new ConversationView(c.getId().toString(), new ConversationView.CandidateRef(c.getCandidateId(), name),
                c.getUnreadCount(), last == null ? null : message(last, locale), c.getLastActivityAt());
    }

    /** Why a channel is not available, in the caller's words. */
    public String reason(Locale locale, String reason) {
        return messages.text(locale, "messaging.reason." + reason);
    }

    /** The failure in the caller's words when the plugin knows the code, else as the provider said it. */
    private String failureText(MessageEntity m, Locale locale) {
        String key = "messaging.failure." + m.getErrorCode();
        String text = messages.text(locale, key);
        return text.equals(key) ? m.getErrorMessage() : text;
    }
}
