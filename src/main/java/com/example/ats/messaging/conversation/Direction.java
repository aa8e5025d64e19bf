package com.example.ats.messaging.conversation;

/** From the recruiter to the candidate, or back. */
public enum Direction {
    OUTBOUND,
    INBOUND
}
