package com.example.ats.messaging.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Whether a candidate opted out of SMS through the plugin (table msg_sms_consent). */
@Entity
@Table(name = "msg_sms_consent")
public class SmsConsentEntity {
    @Id
    @Column(name = "candidate_id", length = 64)
    private String candidateId;

    @Column(name = "opted_out", nullable = false)
    private boolean optedOut;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected SmsConsentEntity() {
    }

    SmsConsentEntity(String candidateId, boolean optedOut, java.time.Instant at) {
        this.candidateId = candidateId;
        this.optedOut = optedOut;
        this.changedAt = at;
    }

    void change(boolean optedOut, java.time.Instant at) {
        this.optedOut = optedOut;
        this.changedAt = at;
    }


    public String getCandidateId() {
        return candidateId;
    }

    public boolean isOptedOut() {
        return optedOut;
    }

}
