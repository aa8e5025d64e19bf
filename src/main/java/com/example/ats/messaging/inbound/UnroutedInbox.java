package com.example.ats.messaging.inbound;

import com.example.ats.messaging.conversation.InboundMessage;
import com.example.ats.messaging.db.Transactions;
import java.time.Clock;
import java.util.List;

/**
 * Inbound messages from unknown numbers or addresses (or a known candidate nobody has a
 * conversation with): never dropped, listed for administrators. A redelivery is stored once.
 */
public final class UnroutedInbox {
    private final Transactions transactions;
    private final Clock clock;

    public UnroutedInbox(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    public void keep(InboundMessage message, String candidateId) {
        try {
            transactions.inTransaction(session -> {
                boolean known = !session.createSelectionQuery(
                                "select u.id from UnroutedInboundEntity u where u.providerId = :provider", Long.class)
                        .setParameter("provider", message.providerId()).getResultList().isEmpty();
                if (!known) {
                    session.persist(new UnroutedInboundEntity(message.channel(), message.fromAddress(),
                            message.toAddress(), message.subject(), message.body(), message.providerId(), candidateId,
                            clock.instant()));
                }
                return null;
            });
        } catch (RuntimeException e) {
            if (!Transactions.isConstraintViolation(e)) {
                throw e;
            }
            // The same message delivered twice at once: the other delivery stored it.
        }
    }

    /** The newest first. */
    public List<UnroutedInboundEntity> recent(int limit) {
        return transactions.read(session -> session.createSelectionQuery(
                        "from UnroutedInboundEntity u order by u.receivedAt desc, u.id desc", UnroutedInboundEntity.class)
                .setMaxResults(limit).getResultList());
    }
}
