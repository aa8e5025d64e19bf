package com.example.ats.refhost.candidates;

import com.example.ats.refhost.users.User;

/** The host's visibility rule: ATS users see candidates; confidential ones only with clearance. */
public final class CandidateAccess {

    public boolean canView(User user, Candidate candidate) {
        if (!user.isAtsUser()) {
            return false;
        }
        return !candidate.confidential() || user.isAdmin() || user.seesConfidential();
    }

    public boolean includesConfidential(User user) {
        return user.isAdmin() || user.seesConfidential();
    }
}
