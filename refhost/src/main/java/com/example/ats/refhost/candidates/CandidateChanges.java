package com.example.ats.refhost.candidates;

import com.example.ats.messaging.spi.HostEventTopics;
import java.util.HashMap;
import java.util.Map;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Changes to candidates that plugins must hear about: each change is stored, then announced on
 * EventAdmin under the SPI's topics.
 */
public final class CandidateChanges {
    private final CandidateRepository candidates;
    private final EventAdmin events;

    public CandidateChanges(CandidateRepository candidates, EventAdmin events) {
        this.candidates = candidates;
        this.events = events;
    }

    public boolean delete(long id) {
        boolean deleted = candidates.delete(id);
        if (deleted) {
            announce(HostEventTopics.CANDIDATE_DELETED, id, Map.of());
        }
        return deleted;
    }

    public boolean merge(long fromId, long intoId) {
        boolean merged = candidates.merge(fromId, intoId);
        if (merged) {
            announce(HostEventTopics.CANDIDATE_MERGED, fromId, Map.of(HostEventTopics.MERGED_INTO_ID, Long.toString(intoId)));
        }
        return merged;
    }

    public boolean updateContact(long id, String email, String phone, boolean smsOptIn) {
        Candidate before = candidates.findById(id).orElse(null);
        if (before == null || !candidates.updateContact(id, email, phone, smsOptIn)) {
            return false;
        }
        if (!same(before.email(), email) || !same(before.phone(), phone)) {
            announce(HostEventTopics.CANDIDATE_CONTACT_CHANGED, id, Map.of());
        }
        if (before.smsOptIn() != smsOptIn) {
            announce(HostEventTopics.CANDIDATE_CONSENT_CHANGED, id, Map.of());
        }
        return true;
    }

    private void announce(String topic, long candidateId, Map<String, String> extra) {
        Map<String, Object> properties = new HashMap<>(extra);
        properties.put(HostEventTopics.CANDIDATE_ID, Long.toString(candidateId));
        // Synchronous: when the host's change returns, plugins have followed it.
        events.sendEvent(new Event(topic, properties));
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}
