package com.example.ats.messaging.conversation;

/** Where a message is in its life. Outbound ones move forward only; inbound ones are RECEIVED. */
public enum MessageStatus {
    QUEUED(0),
    SENDING(1),
    SENT(2),
    DELIVERED(3),
    FAILED(3),
    RECEIVED(0);

    private final int progress;

    MessageStatus(int progress) {
        this.progress = progress;
    }

    /** Whether an update to {@code next} moves forward (a late "sent" never overwrites "delivered"). */
    public boolean mayMoveTo(MessageStatus next) {
        return next.progress > progress || (next == FAILED && this != DELIVERED && this != FAILED);
    }
}
