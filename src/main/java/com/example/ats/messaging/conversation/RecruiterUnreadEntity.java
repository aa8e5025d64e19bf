package com.example.ats.messaging.conversation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A recruiter's unread inbound messages over all conversations (table msg_recruiter_unread):
 * {@code GET /unread} is one primary-key read. Changed only by update statements in the same
 * transaction as the messages.
 */
@Entity
@Table(name = "msg_recruiter_unread")
public class RecruiterUnreadEntity {
    @Id
    @Column(name = "recruiter_id", length = 64)
    private String recruiterId;

    @Column(name = "unread_count", nullable = false)
    private long unreadCount;

    protected RecruiterUnreadEntity() {
    }

    RecruiterUnreadEntity(String recruiterId) {
        this.recruiterId = recruiterId;
    }

    public long getUnreadCount() {
        return unreadCount;
    }
}
