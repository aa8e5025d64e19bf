package com.example.ats.messaging.events;

import com.example.ats.messaging.conversation.Direction;
import com.example.ats.messaging.conversation.MessageStatus;
import com.example.ats.messaging.outbox.ClaimedMessage;
import com.example.ats.messaging.conversation.ConversationEntity;
import com.example.ats.messaging.conversation.MessageEntity;
import com.example.ats.messaging.stream.StreamHub;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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
    private final List<StreamHub> streams = new CopyOnWriteArrayList<>();

    public MessagingEvents(EventAdmin eventAdmin) {
        this.eventAdmin = eventAdmin;
    }

    /** Also tells the live stream of the recruiter's browsers (in this JVM). */
    public void streamTo(StreamHub hub) {
        streams.add(hub);
    }

    /** A recruiter read a conversation: their unread count moved. */
    public void announceRead(String recruiterId) {
        streams.forEach(hub -> hub.unreadChanged(recruiterId));
    }

    /** Announces an outbound message's new status (the outbox knows ids, not entities). */
    public void announceStatus(ClaimedMessage message, MessageStatus status) {
        StreamHub.MessageChange change = new StreamHub.MessageChange(Long.toString(message.conversationId()),
                Long.toString(message.messageId()), status.name(), Direction.OUTBOUND.name(), message.channel().name());
        streams.forEach(hub -> hub.messageChanged(message.recruiterId(), change));
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
        StreamHub.MessageChange change = new StreamHub.MessageChange(conversation.getId().toString(),
                message.getId().toString(), message.getStatus().name(), message.getDirection().name(),
                message.getChannel().name());
        streams.forEach(hub -> hub.messageChanged(conversation.getRecruiterId(), change));
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
