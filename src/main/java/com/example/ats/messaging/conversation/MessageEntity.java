package com.example.ats.messaging.conversation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One message in a conversation (table msg_message). Internal: DTOs cross the API. */
@Entity
@Table(name = "msg_message")
public class MessageEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "msg_message_seq")
    @SequenceGenerator(name = "msg_message_seq", sequenceName = "msg_message_seq", allocationSize = 50)
    private Long id;

    @Column(name = "conversation_id", nullable = false)
    private Long conversationId;

    @Column(name = "candidate_id", nullable = false, length = 64)
    private String candidateId;

    @Enumerated(EnumType.STRING)
    @Column(name = "direction", nullable = false, length = 10)
    private Direction direction;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, length = 10)
    private Channel channel;

    @Column(name = "subject", length = 1000)
    private String subject;

    @Column(name = "body", nullable = false, length = 200_000)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 12)
    private MessageStatus status;

    @Column(name = "error_code", length = 64)
    private String errorCode;

    @Column(name = "error_message", length = 1000)
    private String errorMessage;

    @Column(name = "author_id", length = 64)
    private String authorId;

    @Column(name = "author_name", length = 200)
    private String authorName;

    @Column(name = "provider_id", length = 255)
    private String providerId;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "from_address", length = 320)
    private String fromAddress;

    @Column(name = "to_address", length = 320)
    private String toAddress;

    @Column(name = "auto_reply", nullable = false)
    private boolean autoReply;

    @Column(name = "erased", nullable = false)
    private boolean erased;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected MessageEntity() {
    }

    private MessageEntity(ConversationEntity conversation, Direction direction, Channel channel, String subject,
                          String body, MessageStatus status, Instant now) {
        this.conversationId = conversation.getId();
        this.candidateId = conversation.getCandidateId();
        this.direction = direction;
        this.channel = channel;
        this.subject = subject;
        this.body = body;
        this.status = status;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A message from a recruiter, waiting for its channel's dispatcher. */
    static MessageEntity outbound(ConversationEntity conversation, OutboundMessage message, Author author, Instant now) {
        MessageEntity entity = new MessageEntity(conversation, Direction.OUTBOUND, message.channel(), message.subject(),
                message.body(), MessageStatus.QUEUED, now);
        entity.authorId = author.id();
        entity.authorName = author.name();
        entity.nextAttemptAt = now;
        return entity;
    }

    /** A message from the candidate, as a channel received it. */
    static MessageEntity inbound(ConversationEntity conversation, InboundMessage message, Instant now) {
        MessageEntity entity = new MessageEntity(conversation, Direction.INBOUND, message.channel(), message.subject(),
                message.body(), MessageStatus.RECEIVED, now);
        entity.providerId = message.providerId();
        entity.fromAddress = message.fromAddress();
        entity.toAddress = message.toAddress();
        entity.autoReply = message.autoReply();
        return entity;
    }

    /** A person asked to send a FAILED message again: queued now, with a fresh set of tries. */
    void requeue(Instant now) {
        this.status = MessageStatus.QUEUED;
        this.attempts = 0;
        this.nextAttemptAt = now;
        this.leaseUntil = null;
        this.errorCode = null;
        this.errorMessage = null;
        this.updatedAt = now;
    }

    /** A provider reported a later status (the caller checked it moves forward). */
    void moveTo(MessageStatus next, String code, String message, Instant now) {
        this.status = next;
        this.errorCode = next == MessageStatus.FAILED ? code : null;
        this.errorMessage = next == MessageStatus.FAILED ? message : null;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getConversationId() {
        return conversationId;
    }

    public String getCandidateId() {
        return candidateId;
    }

    public Direction getDirection() {
        return direction;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public MessageStatus getStatus() {
        return status;
    }

    public String getErrorCode() {
        return errorCode;
    }

    public String getErrorMessage() {
        return errorMessage;
    }

    public String getAuthorId() {
        return authorId;
    }

    public String getAuthorName() {
        return authorName;
    }

    public String getProviderId() {
        return providerId;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant getLeaseUntil() {
        return leaseUntil;
    }

    public String getFromAddress() {
        return fromAddress;
    }

    public String getToAddress() {
        return toAddress;
    }

    public boolean isAutoReply() {
        return autoReply;
    }

    public boolean isErased() {
        return erased;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
