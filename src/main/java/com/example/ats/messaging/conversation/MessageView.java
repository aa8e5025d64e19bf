package com.example.ats.messaging.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** A message as the API shows it (CONTRACT §3). */
public record MessageView(String id, String conversationId, String candidateId, Direction direction, Channel channel,
                          String subject, String body, MessageStatus status,
                          @JsonInclude(JsonInclude.Include.NON_NULL) ErrorView error,
                          Instant createdAt,
                          @JsonInclude(JsonInclude.Include.NON_NULL) AuthorView author) {

    /** Why a message failed. */
    public record ErrorView(String code, String message) {
    }

    /** Who wrote an outbound message. */
    public record AuthorView(String id, String name) {
    }
}
