package com.example.ats.messaging.conversation;

/**
 * A message from a candidate as a channel received it.
 *
 * @param providerId the provider's id, namespaced by channel (e.g. {@code twilio:SM...}), unique
 * @param subject    the email subject, or null for SMS
 */
public record InboundMessage(Channel channel, String providerId, String subject, String body) {
}
