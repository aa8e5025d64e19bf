package com.example.ats.refhost.spi;

import com.example.ats.messaging.spi.CandidateDirectory;
import com.example.ats.messaging.spi.HostCandidate;
import com.example.ats.messaging.spi.HostUser;
import com.example.ats.refhost.candidates.Candidate;
import com.example.ats.refhost.candidates.CandidateAccess;
import com.example.ats.refhost.candidates.CandidateRepository;
import com.example.ats.refhost.candidates.PhoneNumbers;
import com.example.ats.refhost.users.User;
import com.example.ats.refhost.users.RecentUsers;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The host's candidates, offered to plugins through the SPI. */
public final class HostCandidateDirectory implements CandidateDirectory {
    private static final int MAX_LIMIT = 100;

    private final CandidateRepository candidates;
    private final RecentUsers users;
    private final CandidateAccess access;
    private final PhoneNumbers phones;

    public HostCandidateDirectory(CandidateRepository candidates, RecentUsers users, CandidateAccess access,
                                  PhoneNumbers phones) {
        this.candidates = candidates;
        this.users = users;
        this.access = access;
        this.phones = phones;
    }

    @Override
    public Optional<HostCandidate> get(String candidateId) {
        return HostIds.parse(candidateId).flatMap(candidates::findById).map(Candidate::toHostCandidate);
    }

    @Override
    public List<HostCandidate> search(HostUser viewer, String query, int limit) {
        Optional<User> user = HostIds.parse(viewer.id()).flatMap(users::byId).filter(User::isAtsUser);
        if (user.isEmpty()) {
            return List.of();
        }
        int bounded = Math.max(1, Math.min(limit, MAX_LIMIT));
        return candidates.search(query, access.includesConfidential(user.get()), bounded).stream()
                .map(Candidate::toHostCandidate)
                .toList();
    }

    @Override
    public List<HostCandidate> findByPhone(String e164Phone) {
        return phones.toE164(e164Phone).map(candidates::findByPhone).orElse(List.of()).stream()
                .map(Candidate::toHostCandidate)
                .toList();
    }

    @Override
    public List<HostCandidate> findByEmail(String email) {
        if (email == null || email.isBlank()) {
            return List.of();
        }
        return candidates.findByEmail(email).stream().map(Candidate::toHostCandidate).toList();
    }

    @Override
    public Map<String, HostCandidate> getAll(Collection<String> candidateIds) {
        List<Long> ids = candidateIds.stream().map(HostIds::parse).flatMap(Optional::stream).toList();
        Map<String, HostCandidate> found = new LinkedHashMap<>();
        for (Candidate candidate : candidates.findByIds(ids)) {
            found.put(Long.toString(candidate.id()), candidate.toHostCandidate());
        }
        return found;
    }

}
