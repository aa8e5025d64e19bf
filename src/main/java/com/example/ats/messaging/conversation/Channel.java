package com.example.ats.messaging.conversation;

/** How a message travels. Each channel knows its own limits; nothing switches on the channel. */
public enum Channel {
    EMAIL(100_000),
    /** Twilio concatenates at most 10 segments: 1,600 characters. */
    SMS(1_600);

    private final int maxBodyLength;

    Channel(int maxBodyLength) {
        this.maxBodyLength = maxBodyLength;
    }

    public int maxBodyLength() {
        return maxBodyLength;
    }
}
