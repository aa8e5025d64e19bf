package com.example.ats.messaging.consent;

import com.example.ats.messaging.db.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** SMS opt-outs the plugin learned, with an append-only trail of every change. */
public final class ConsentStore {
    public static final String OPTED_OUT = "OPTED_OUT";
    public static final String OPTED_IN = "OPTED_IN";

    private final Transactions transactions;
    private final Clock clock;

    public ConsentStore(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    public boolean isOptedOut(String candidateId) {
        return !optedOut(List.of(candidateId)).isEmpty();
    }

    /** Which of these candidates opted out of SMS. */
    public Set<String> optedOut(Collection<String> candidateIds) {
        if (candidateIds.isEmpty()) {
            return Set.of();
        }
        return transactions.read(session -> new HashSet<>(session.createSelectionQuery(
                        "select c.candidateId from SmsConsentEntity c where c.optedOut = true and c.candidateId in :ids",
                        String.class)
                .setParameter("ids", candidateIds)
                .getResultList()));
    }

    /**
     * Records an opt-out or opt-in and its source (e.g. {@code SMS_KEYWORD}, {@code TWILIO_21610},
     * {@code HOST}); the current state and the trail change in one transaction.
     */
    public void record(String candidateId, boolean optedOut, String source, String detail) {
        Instant now = clock.instant();
        transactions.inTransaction(session -> {
            SmsConsentEntity current = session.find(SmsConsentEntity.class, candidateId);
            if (current == null) {
                session.persist(new SmsConsentEntity(candidateId, optedOut, now));
            } else {
                current.change(optedOut, now);
            }
            session.persist(new ConsentEventEntity(candidateId, "SMS", optedOut ? OPTED_OUT : OPTED_IN, source, detail, now));
            return null;
        });
    }

    /** A candidate's consent trail, oldest first. */
    public List<ConsentEventEntity> trail(String candidateId) {
        return transactions.read(session -> session.createSelectionQuery(
                        "from ConsentEventEntity e where e.candidateId = :id order by e.createdAt, e.id",
                        ConsentEventEntity.class)
                .setParameter("id", candidateId)
                .getResultList());
    }
}
