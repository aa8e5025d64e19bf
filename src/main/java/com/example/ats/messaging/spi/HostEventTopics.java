package com.example.ats.messaging.spi;

/**
 * Topics of host events on OSGi EventAdmin. Every event carries {@value #CANDIDATE_ID}; a merge
 * also carries {@value #MERGED_INTO_ID}. Plugins publish their own events under their own topics.
 */
public final class HostEventTopics {
    public static final String CANDIDATE_DELETED = "com/example/ats/candidate/DELETED";
    public static final String CANDIDATE_MERGED = "com/example/ats/candidate/MERGED";
    public static final String CANDIDATE_CONTACT_CHANGED = "com/example/ats/candidate/CONTACT_CHANGED";
    public static final String CANDIDATE_CONSENT_CHANGED = "com/example/ats/candidate/CONSENT_CHANGED";
    /** All candidate topics, for an EventHandler's {@code event.topics}. */
    public static final String CANDIDATE_ALL = "com/example/ats/candidate/*";

    public static final String CANDIDATE_ID = "candidateId";
    /** On {@link #CANDIDATE_MERGED}: the surviving candidate {@value #CANDIDATE_ID} was merged into. */
    public static final String MERGED_INTO_ID = "mergedIntoId";

    private HostEventTopics() {
    }
}
