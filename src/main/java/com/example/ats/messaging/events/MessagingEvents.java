package com.example.ats.messaging.events;

import com.example.ats.messaging.conversation.Direction;
import com.example.ats.messaging.conversation.MessageStatus;
import com.example.ats.messaging.outbox.ClaimedMessage;
import com.example.ats.messaging.conversation.ConversationEntity;
import com.example.ats.messaging.conversation.MessageEntity;
import java.util.Map;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Tells the host's event bus about messages: {@code com/example/ats/messaging/message/QUEUED},
 * {@code .../SENT}, {@code .../DELIVERED}, {@code .../FAILED}, {@code .../RECEIVED}, each with the
 * message's ids, channel and direction (never its content). Sent asynchronously, after commit.
 */
public final class MessagingEvents {
    public static final String TOPIC_PREFIX = "com/example/ats/messaging/message/";

    private final EventAdmin eventAdmin;

    public MessagingEvents(EventAdmin eventAdmin) {
        this.eventAdmin = eventAdmin;
    }

    /** Announces an outbound message's new status (the outbox knows ids, not entities). */
    public void announceStatus(ClaimedMessage message, MessageStatus status) {
        eventAdmin.postEvent(new Event(TOPIC_PREFIX + status.name(), Map.of(
                "messageId", Long.toString(message.messageId()),
                "conversationId", Long.toString(message.conversationId()),
                "candidateId", message.candidateId(),
                "recruiterId", message.recruiterId(),
                "channel", message.channel().name(),
                "direction", Direction.OUTBOUND.name(),
                "status", status.name())));
    }

    /** Announces a message in its current status. */
    public void announce(ConversationEntity conversation, MessageEntity message) {
        eventAdmin.postEvent(new Event(TOPIC_PREFIX + message.getStatus().name(), Map.of(
                "messageId", message.getId().toString(),
                "conversationId", conversation.getId().toString(),
                "candidateId", message.getCandidateId(),
                "recruiterId", conversation.getRecruiterId(),
                "channel", message.getChannel().name(),
                "direction", message.getDirection().name(),
                "status", message.getStatus().name())));
    }
}
