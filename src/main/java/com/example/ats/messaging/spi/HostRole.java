package com.example.ats.messaging.spi;

/** What a host user is, as far as the plugin cares. */
public enum HostRole {
    /** ATS administrator: may use the ATS and configure plugins. */
    ADMIN,
    /** ATS recruiter: may use the ATS. */
    RECRUITER,
    /** Candidate-portal user: a candidate, never shown any of the plugin. */
    PORTAL;

    public boolean isAtsUser() {
        return this != PORTAL;
    }
}
