package com.example.ats.messaging.conversation;

/** The recruiter who wrote a message. */
public record Author(String id, String name) {
}
