package com.example.ats.messaging.consent;

import com.example.ats.messaging.db.Transactions;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * SMS opt-outs the plugin learned (msg_sms_consent: STOP keywords, Twilio error 21610), each change
 * also appended to the trail in msg_consent_event with its time and source, in one transaction.
 */
public final class ConsentStore {
    /** Where a consent change came from, as recorded in the trail. */
    public static final String SOURCE_SMS_KEYWORD = "SMS_KEYWORD";
    public static final String SOURCE_CARRIER = "TWILIO_21610";

    private final Transactions transactions;
    private final Clock clock;

    public ConsentStore(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Records that the candidate opted out of (or back into) SMS; returns whether anything changed. */
    public boolean recordSms(String candidateId, boolean optedOut, String source, String detail) {
        return transactions.inTransaction(session -> {
            Instant now = clock.instant();
            SmsConsentEntity current = session.find(SmsConsentEntity.class, candidateId, LockModeType.PESSIMISTIC_WRITE);
            boolean wasOptedOut = current != null && current.isOptedOut();
            if (current == null) {
                session.persist(new SmsConsentEntity(candidateId, optedOut, now));
            } else {
                current.change(optedOut, now);
            }
            // The trail keeps every request, also repeats: they are what the candidate did.
            session.persist(new ConsentEventEntity(candidateId, "SMS", optedOut ? "OPTED_OUT" : "OPTED_IN", source,
                    detail, now));
            return wasOptedOut != optedOut;
        });
    }

    /** The consent trail of a candidate, oldest first. */
    public List<ConsentEventEntity> trail(String candidateId) {
        return transactions.read(session -> session.createSelectionQuery(
                        "from ConsentEventEntity e where e.candidateId = :candidate order by e.id", ConsentEventEntity.class)
                .setParameter("candidate", candidateId)
                .getResultList());
    }

    /** One candidate by primary key: this runs before every text, so no IN-list query for it. */
    public boolean isOptedOut(String candidateId) {
        return transactions.read(session -> {
            SmsConsentEntity consent = session.get(SmsConsentEntity.class, candidateId);
            return consent != null && consent.isOptedOut();
        });
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
}
