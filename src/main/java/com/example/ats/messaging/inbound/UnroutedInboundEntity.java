package com.example.ats.messaging.inbound;

import com.example.ats.messaging.conversation.Channel;
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

/** An inbound message no conversation could take (table msg_unrouted_inbound), kept for administrators. */
@Entity
@Table(name = "msg_unrouted_inbound")
public class UnroutedInboundEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "msg_unrouted_seq")
    @SequenceGenerator(name = "msg_unrouted_seq", sequenceName = "msg_unrouted_seq", allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, length = 10)
    private Channel channel;

    @Column(name = "from_address", nullable = false, length = 320)
    private String fromAddress;

    @Column(name = "to_address", length = 320)
    private String toAddress;

    @Column(name = "subject", length = 1000)
    private String subject;

    @Column(name = "body", nullable = false, length = 200_000)
    private String body;

    @Column(name = "provider_id", nullable = false, length = 255)
    private String providerId;

    @Column(name = "candidate_id", length = 64)
    private String candidateId;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected UnroutedInboundEntity() {
    }

    UnroutedInboundEntity(Channel channel, String fromAddress, String toAddress, String subject, String body,
                          String providerId, String candidateId, Instant receivedAt) {
        this.channel = channel;
        this.fromAddress = fromAddress;
        this.toAddress = toAddress;
        this.subject = subject;
        this.body = body;
        this.providerId = providerId;
        this.candidateId = candidateId;
        this.receivedAt = receivedAt;
    }

    public Long getId() {
        return id;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getFromAddress() {
        return fromAddress;
    }

    public String getBody() {
        return body;
    }

    public String getProviderId() {
        return providerId;
    }

    public String getToAddress() {
        return toAddress;
    }

    public String getSubject() {
        return subject;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public String getCandidateId() {
        return candidateId;
    }
}
