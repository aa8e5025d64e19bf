package com.example.ats.messaging.conversation;

import java.time.Instant;

/** A conversation as the API shows it (CONTRACT §3); {@code lastMessage} is null in a new one. */
public record ConversationView(String id, CandidateRef candidate, int unread, MessageView lastMessage,
                               Instant updatedAt) {

    /** The candidate a conversation is with. */
    public record CandidateRef(String id, String name) {
    }
}
