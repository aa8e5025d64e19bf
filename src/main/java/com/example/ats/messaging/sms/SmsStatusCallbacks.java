package com.example.ats.messaging.sms;

import com.example.ats.messaging.consent.ConsentStore;
import com.example.ats.messaging.conversation.ConversationStore;
import com.example.ats.messaging.conversation.MessageEntity;
import com.example.ats.messaging.conversation.MessageStatus;
import com.example.ats.messaging.events.MessagingEvents;
import java.time.Duration;
import java.util.Optional;

/**
 * Twilio's status callbacks: the message's status moves forward only (a late "sent" never
 * overwrites "delivered"); undelivered/failed carry Twilio's error code in plain words; error
 * 21610 also records the candidate's opt-out.
 */
public final class SmsStatusCallbacks {
    /**
     * Twilio may call back before the outbox has written the MessageSid it just got (a few
     * milliseconds); so an unknown sid is looked up again for a short while before being ignored.
     */
    private static final Duration WAIT_FOR_SEND_RECORD = Duration.ofSeconds(2);

    private final ConversationStore conversations;
    private final ConsentStore consent;
    private final MessagingEvents events;

    public SmsStatusCallbacks(ConversationStore conversations, ConsentStore consent, MessagingEvents events) {
        this.conversations = conversations;
        this.consent = consent;
        this.events = events;
    }

    public void update(String messageSid, String twilioStatus, String errorCode) {
        Optional<MessageStatus> status = TwilioStatus.of(twilioStatus);
        if (status.isEmpty() || messageSid == null || messageSid.isBlank()) {
            return;
        }
        String providerId = SmsDispatcher.PROVIDER_PREFIX + messageSid;
        String code = errorCode == null || errorCode.isBlank() ? "UNDELIVERED" : "TWILIO_" + errorCode;
        Optional<MessageEntity> changed = conversations.updateStatus(providerId, status.get(), code,
                TwilioStatus.describe(errorCode));
        if (changed.isEmpty() && awaitKnown(providerId)) {
            changed = conversations.updateStatus(providerId, status.get(), code, TwilioStatus.describe(errorCode));
        }
        changed.ifPresent(message -> {
            if (String.valueOf(TwilioFailures.UNSUBSCRIBED_RECIPIENT).equals(errorCode)) {
                consent.recordSms(message.getCandidateId(), true, ConsentStore.SOURCE_CARRIER,
                        "Twilio error 21610 for " + messageSid);
            }
            conversations.find(message.getConversationId()).ifPresent(c -> events.announce(c, message));
        });
    }

    /** Whether the sid was unknown at first and became known while waiting (so the update is worth retrying). */
    private boolean awaitKnown(String providerId) {
        if (conversations.byProviderId(providerId).isPresent()) {
            return false; // known: the update changed nothing because it would have moved backwards
        }
        long deadline = System.nanoTime() + WAIT_FOR_SEND_RECORD.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (conversations.byProviderId(providerId).isPresent()) {
                return true;
            }
        }
        return false;
    }
}
