package com.example.ats.messaging.outbox;

import com.example.ats.messaging.conversation.Channel;
import com.example.ats.messaging.spi.HostCandidate;
import java.time.Instant;

/**
 * A claimed message with what its channel needs to send it: the candidate's current contact
 * details (read from the host at send time, so a changed address is used), the conversation's
 * reply token and the time the attempt began.
 */
public record OutboundEnvelope(long messageId, long conversationId, Channel channel, HostCandidate candidate,
                               String subject, String body, String authorName, String replyToken, int attempt,
                               Instant attemptStartedAt) {
}
