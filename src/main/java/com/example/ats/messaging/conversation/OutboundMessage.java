package com.example.ats.messaging.conversation;

/** A checked message from a recruiter: channel, subject and body hold text within the channel's limits. */
public record OutboundMessage(Channel channel, String subject, String body) {
}
