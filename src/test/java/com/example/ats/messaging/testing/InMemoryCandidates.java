package com.example.ats.messaging.testing;

import com.example.ats.messaging.spi.CandidateDirectory;
import com.example.ats.messaging.spi.HostCandidate;
import com.example.ats.messaging.spi.HostUser;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A host's candidates held in memory, for component tests of the channels. */
public final class InMemoryCandidates implements CandidateDirectory {
    private final Map<String, HostCandidate> candidates = new ConcurrentHashMap<>();

    public InMemoryCandidates put(HostCandidate candidate) {
        candidates.put(candidate.id(), candidate);
        return this;
    }

    public void remove(String id) {
        candidates.remove(id);
    }

    @Override
    public Optional<HostCandidate> get(String candidateId) {
        return Optional.ofNullable(candidates.get(candidateId));
    }

    @Override
    public List<HostCandidate> search(HostUser viewer, String query, int limit) {
        return candidates.values().stream()
                .filter(c -> c.name().toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT)))
                .limit(limit).toList();
    }

    @Override
    public List<HostCandidate> findByPhone(String e164Phone) {
        return candidates.values().stream().filter(c -> e164Phone.equals(c.phone())).toList();
    }

    @Override
    public List<HostCandidate> findByEmail(String email) {
        return candidates.values().stream().filter(c -> email.equalsIgnoreCase(c.email())).toList();
    }
}
