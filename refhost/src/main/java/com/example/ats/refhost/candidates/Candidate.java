package com.example.ats.refhost.candidates;

import com.example.ats.messaging.spi.HostCandidate;

/**
 * A candidate of the host.
 *
 * @param phone     the phone number as entered (may be invalid)
 * @param phoneE164 the same number normalised, or null when it is not a valid number
 */
public record Candidate(long id, String name, String email, String phone, String phoneE164,
                        boolean smsOptIn, boolean confidential, String headline, Long portalUserId) {

    public HostCandidate toHostCandidate() {
        return new HostCandidate(Long.toString(id), name, email, phone, smsOptIn);
    }
}
