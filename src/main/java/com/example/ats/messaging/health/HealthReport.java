package com.example.ats.messaging.health;

import java.time.Instant;

/**
 * {@code GET /admin/health}: each channel's last successful send and last error, the reply
 * mailbox's last poll and error, Twilio signature failures in the last hour, the outbox's depth
 * and the age of its oldest waiting message, messages failed today (UTC), live browser streams, and
 * why the plugin cannot work when it cannot (settings from the host's configuration it cannot use).
 */
public record HealthReport(ChannelHealth.State email, ChannelHealth.State sms, Instant mailboxLastPollAt,
                           String mailboxLastError, long webhookSignatureFailuresLastHour, long outboxDepth,
                           Long oldestQueuedAgeSeconds, long failedToday, int liveStreams, String problem) {
}
