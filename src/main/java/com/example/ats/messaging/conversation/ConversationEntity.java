package com.example.ats.messaging.conversation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A recruiter's conversation with one candidate (table msg_conversation). Internal: DTOs cross the API. */
@Entity
@Table(name = "msg_conversation")
public class ConversationEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "msg_conversation_seq")
    @SequenceGenerator(name = "msg_conversation_seq", sequenceName = "msg_conversation_seq", allocationSize = 50)
    private Long id;

    @Column(name = "recruiter_id", nullable = false, length = 64)
    private String recruiterId;

    @Column(name = "candidate_id", nullable = false, length = 64)
    private String candidateId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_activity_at", nullable = false)
    private Instant lastActivityAt;

    @Column(name = "last_message_id")
    private Long lastMessageId;

    @Column(name = "unread_count", nullable = false)
    private int unreadCount;

    @Column(name = "reply_token", length = 40)
    private String replyToken;

    @Column(name = "notify_pending", nullable = false)
    private boolean notifyPending;

    @Column(name = "notified_at")
    private Instant notifiedAt;

    protected ConversationEntity() {
    }

    public ConversationEntity(String recruiterId, String candidateId, Instant now) {
        this.recruiterId = recruiterId;
        this.candidateId = candidateId;
        this.createdAt = now;
        this.lastActivityAt = now;
        this.replyToken = ReplyTokens.next();
    }

    /** A conversation as loaded, with its id (for code that builds one outside Hibernate, e.g. tests). */
    static ConversationEntity withId(long id, String recruiterId, String candidateId, Instant now) {
        ConversationEntity conversation = new ConversationEntity(recruiterId, candidateId, now);
        conversation.id = id;
        return conversation;
    }

    /** The token of this conversation's reply address; conversations from before channels get one lazily. */
    public String getReplyToken() {
        return replyToken;
    }

    public boolean isNotifyPending() {
        return notifyPending;
    }

    public Instant getNotifiedAt() {
        return notifiedAt;
    }

    public Long getId() {
        return id;
    }

    public String getRecruiterId() {
        return recruiterId;
    }

    public String getCandidateId() {
        return candidateId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastActivityAt() {
        return lastActivityAt;
    }

    public Long getLastMessageId() {
        return lastMessageId;
    }

    public int getUnreadCount() {
        return unreadCount;
    }

    /** Records a new message as the latest activity. */
    void touch(MessageEntity message) {
        this.lastMessageId = message.getId();
        if (message.getCreatedAt().isAfter(lastActivityAt)) {
            this.lastActivityAt = message.getCreatedAt();
        }
    }
}
