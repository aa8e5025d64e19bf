package com.example.ats.messaging.spi;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The host's candidates. Implementations are thread-safe OSGi services. */
public interface CandidateDirectory {

    /** The candidate with this id, whoever may see them; empty when unknown or deleted. */
    Optional<HostCandidate> get(String candidateId);

    /**
     * Candidates whose name, email or phone contains the query (case-insensitive), that the
     * viewer may see, best matches first, at most {@code limit}.
     */
    List<HostCandidate> search(HostUser viewer, String query, int limit);

    /** Candidates whose phone, normalised to E.164, equals the given E.164 number. */
    List<HostCandidate> findByPhone(String e164Phone);

    /** Candidates with this email address (case-insensitive). */
    List<HostCandidate> findByEmail(String email);

    /**
     * Several candidates at once, by id; unknown ids are left out. Hosts should override this with
     * one query: lists of conversations call it once per page.
     */
    default Map<String, HostCandidate> getAll(Collection<String> candidateIds) {
        Map<String, HostCandidate> found = new LinkedHashMap<>();
        for (String id : candidateIds) {
            get(id).ifPresent(candidate -> found.put(id, candidate));
        }
        return found;
    }
}
