package com.example.ats.messaging.candidate;

import com.example.ats.messaging.spi.HostPermissions;
import com.example.ats.messaging.consent.Availability;
import com.example.ats.messaging.consent.ChannelEligibility;
import com.example.ats.messaging.rest.ApiException;
import com.example.ats.messaging.rest.Paging;
import com.example.ats.messaging.spi.CandidateDirectory;
import com.example.ats.messaging.spi.HostCandidate;
import com.example.ats.messaging.spi.HostUser;
import java.util.List;
import java.util.Map;

/** Candidates the caller may see, through the host's directory, with what each channel allows. */
public final class CandidateSearch {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 50;
    static final int MAX_QUERY_LENGTH = 200;

    private final CandidateDirectory directory;
    private final ChannelEligibility eligibility;
    private final HostPermissions permissions;

    public CandidateSearch(CandidateDirectory directory, ChannelEligibility eligibility, HostPermissions permissions) {
        this.directory = directory;
        this.eligibility = eligibility;
        this.permissions = permissions;
    }

    /** One candidate the viewer may see, with channel eligibility (the composer asks before each chat). */
    public Candidate one(HostUser viewer, String candidateId) {
        HostCandidate candidate = directory.get(candidateId == null ? "" : candidateId)
                .orElseThrow(() -> new ApiException(404, "CANDIDATE_NOT_FOUND", "messaging.error.candidate.not.found"));
        if (!permissions.canView(viewer, candidate.id())) {
            throw ApiException.forbidden();
        }
        ChannelEligibility.Channels allowed = eligibility.of(candidate);
        return new Candidate(candidate.id(), candidate.name(), candidate.email(), candidate.phone(),
                new Channels(allowed.email(), allowed.sms()));
    }

    /** {@code {"candidates":[...]}}. */
    public record Results(List<Candidate> candidates) {
    }

    /** A candidate with channel eligibility (CONTRACT §3). */
    public record Candidate(String id, String name, String email, String phone, Channels channels) {
    }

    /** {@code {"email":{"allowed":bool,"reason"?},"sms":{...}}}. */
    public record Channels(Availability email, Availability sms) {
    }

    public Results search(HostUser viewer, String query, String limitText) {
        int limit = Paging.limit(limitText, DEFAULT_LIMIT, MAX_LIMIT);
        String text = query == null ? "" : query.strip();
        if (text.length() > MAX_QUERY_LENGTH) {
            throw new ApiException(400, "QUERY_TOO_LONG", "messaging.error.query.too.long", MAX_QUERY_LENGTH);
        }
        List<HostCandidate> found = directory.search(viewer, text, limit);
        Map<String, ChannelEligibility.Channels> channels = eligibility.of(found);
        return new Results(found.stream().map(c -> {
            ChannelEligibility.Channels allowed = channels.get(c.id());
            return new Candidate(c.id(), c.name(), c.email(), c.phone(), new Channels(allowed.email(), allowed.sms()));
        }).toList());
    }
}
