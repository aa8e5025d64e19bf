package com.example.ats.messaging.conversation;

/**
 * A message from a candidate as a channel received it.
 *
 * @param providerId  the provider's id, namespaced by channel (e.g. {@code twilio:SM...}), unique
 * @param subject     the email subject, or null for SMS
 * @param fromAddress the candidate's address or number it came from
 * @param toAddress   our address or number it was sent to
 * @param autoReply   an automatic answer (out of office, list mail): kept, but nobody is notified
 */
public record InboundMessage(Channel channel, String providerId, String subject, String body, String fromAddress,
                             String toAddress, boolean autoReply) {
    /** A message whose addresses do not matter to the caller (tests, replays). */
    public InboundMessage(Channel channel, String providerId, String subject, String body) {
        this(channel, providerId, subject, body, null, null, false);
    }
}
