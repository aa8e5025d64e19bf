package com.example.ats.messaging.conversation;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** The message a recruiter's idempotency key produced (table msg_idempotency_key). */
@Entity
@Table(name = "msg_idempotency_key")
public class IdempotencyKeyEntity {
    @EmbeddedId
    private Id id;

    @Column(name = "request_hash", nullable = false, length = 64)
    private String requestHash;

    @Column(name = "message_id", nullable = false)
    private Long messageId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected IdempotencyKeyEntity() {
    }

    IdempotencyKeyEntity(String recruiterId, IdempotencyKey key, long messageId, Instant now) {
        this.id = new Id(recruiterId, key.value());
        this.requestHash = key.requestHash();
        this.messageId = messageId;
        this.createdAt = now;
    }

    public String getRequestHash() {
        return requestHash;
    }

    public Long getMessageId() {
        return messageId;
    }

    /** Keys are per recruiter. */
    @Embeddable
    public record Id(@Column(name = "recruiter_id", length = 64) String recruiterId,
                     @Column(name = "idempotency_key", length = 255) String key) implements Serializable {
    }
}
