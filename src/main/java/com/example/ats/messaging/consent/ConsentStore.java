package com.example.ats.messaging.consent;

import com.example.ats.messaging.db.Transactions;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * SMS opt-outs the plugin learned (msg_sms_consent). They are read here; recording them (STOP
 * keywords, Twilio 21610) with their trail in msg_consent_event comes with the SMS channel.
 */
public final class ConsentStore {
    private final Transactions transactions;

    public ConsentStore(Transactions transactions) {
        this.transactions = transactions;
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
}
