package com.example.ats.messaging.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.messaging.conversation.Channel;
import com.example.ats.messaging.conversation.MessageEntity;
import com.example.ats.messaging.conversation.MessageStatus;
import com.example.ats.messaging.outbox.SendOutcome;
import com.example.ats.messaging.testing.MessagingRig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Twilio's status callbacks on a sent text: forward only, carrier errors in plain words, 21610 opts out. */
class SmsStatusCallbacksTest {
    private MessagingRig rig;
    private MessageEntity text;

    @BeforeEach
    void start() {
        rig = new MessagingRig("h2", Map.of());
        long conversation = rig.conversationWith(MessagingRig.DANA);
        text = rig.queue(conversation, Channel.SMS, "Hello", "Are you free on Friday?");
        rig.core.outboxStore().claimDue(10, Duration.ofMinutes(1));
        rig.core.outboxStore().markAllSent(java.util.Map.of(text.getId(), new SendOutcome.Sent("twilio:SM30006", "+15005550006",
                "+14155550101")));
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void undeliveredWith30006FailsWithTheCarriersReason() {
        rig.core.smsStatusCallbacks().update("SM30006", "undelivered", "30006");

        MessageEntity failed = rig.message(text.getId());
        assertThat(failed.getStatus()).isEqualTo(MessageStatus.FAILED);
        assertThat(failed.getErrorCode()).isEqualTo("TWILIO_30006");
        assertThat(failed.getErrorMessage()).contains("landline");
    }

    @Test
    void statusesOnlyMoveForward() {
        rig.core.smsStatusCallbacks().update("SM30006", "delivered", null);
        rig.core.smsStatusCallbacks().update("SM30006", "sent", null);
        rig.core.smsStatusCallbacks().update("SM30006", "undelivered", "30003");

        MessageEntity delivered = rig.message(text.getId());
        assertThat(delivered.getStatus()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(delivered.getErrorCode()).isNull();
    }

    @Test
    void aCarrierUnsubscribeOptsTheCandidateOut() {
        rig.core.smsStatusCallbacks().update("SM30006", "failed", "21610");

        assertThat(rig.message(text.getId()).getErrorCode()).isEqualTo("TWILIO_21610");
        assertThat(rig.core.consentStore().isOptedOut(MessagingRig.DANA.id())).isTrue();
    }

    @Test
    void unknownSidsAndStatusesChangeNothing() {
        rig.core.smsStatusCallbacks().update("SMunknown", "delivered", null);
        rig.core.smsStatusCallbacks().update("SM30006", "accepted", null);
        rig.core.smsStatusCallbacks().update(null, "delivered", null);

        assertThat(rig.message(text.getId()).getStatus()).isEqualTo(MessageStatus.SENT);
    }
}
