package com.example.ats.messaging.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One consent change, never updated or deleted (table msg_consent_event). */
@Entity
@Table(name = "msg_consent_event")
public class ConsentEventEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "msg_consent_event_seq")
    @SequenceGenerator(name = "msg_consent_event_seq", sequenceName = "msg_consent_event_seq", allocationSize = 50)
    private Long id;

    @Column(name = "candidate_id", nullable = false, length = 64)
    private String candidateId;

    @Column(name = "channel", nullable = false, length = 10)
    private String channel;

    @Column(name = "consent_change", nullable = false, length = 20)
    private String change;

    @Column(name = "source", nullable = false, length = 40)
    private String source;

    @Column(name = "detail", length = 500)
    private String detail;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ConsentEventEntity() {
    }

    ConsentEventEntity(String candidateId, String channel, String change, String source, String detail,
                       java.time.Instant at) {
        this.candidateId = candidateId;
        this.channel = channel;
        this.change = change;
        this.source = source;
        this.detail = detail;
        this.createdAt = at;
    }


    public String getCandidateId() {
        return candidateId;
    }

    public String getChange() {
        return change;
    }

    public String getSource() {
        return source;
    }

    public String getDetail() {
        return detail;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
