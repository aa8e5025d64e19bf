package com.example.ats.messaging.outbox;

import com.example.ats.messaging.conversation.Channel;

/** A message the outbox claimed for sending (or for reconciling), as stored. */
public record ClaimedMessage(long messageId, long conversationId, String recruiterId, String candidateId,
                             Channel channel, String subject, String body, String authorName, String replyToken,
                             int attempts) {
}
