package com.example.ats.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.ats.messaging.conversation.Channel;
import com.example.ats.messaging.conversation.MessageStatus;
import com.example.ats.messaging.rest.ApiException;
import com.example.ats.messaging.testing.MessagingRig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Failed messages over all recruiters, newest first in pages, and sent again on request, on a real database. */
class FailedMessagesTest {
    private final MessagingRig rig = new MessagingRig("h2", Map.of());
    private final FailedMessages failed = rig.core.failedMessages();

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void failedMessagesAreListedNewestFirstInPagesWithTheirReasonAndCandidate() {
        long conversation = rig.conversationWith(MessagingRig.DANA);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(failedMessage(conversation, "Body " + i));
        }
        rig.queue(conversation, Channel.EMAIL, "Still queued", "Not failed");

        FailedMessages.FailedList first = failed.list(Locale.ENGLISH, null, "2");
        assertThat(first.failed()).extracting(f -> f.message().id())
                .containsExactly(ids.get(2).toString(), ids.get(1).toString());
        assertThat(first.failed().get(0).candidate().name()).isEqualTo("Dana Whitfield");
        assertThat(first.failed().get(0).message().error().code()).isEqualTo("TWILIO_REFUSED");
        assertThat(first.next()).isNotNull();

        FailedMessages.FailedList second = failed.list(Locale.ENGLISH, first.next(), "2");
        assertThat(second.failed()).extracting(f -> f.message().id()).containsExactly(ids.get(0).toString());
        assertThat(second.next()).isNull();
    }

    @Test
    void aRetryQueuesItAgainOnceAndOnlyAFailedMessageCanBeRetried() {
        long conversation = rig.conversationWith(MessagingRig.DANA);
        long id = failedMessage(conversation, "Hello");

        assertThat(failed.retry(Locale.ENGLISH, Long.toString(id)).status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(rig.message(id).getStatus()).isEqualTo(MessageStatus.QUEUED);
        assertThat(failed.list(Locale.ENGLISH, null, null).failed()).isEmpty();

        assertThatThrownBy(() -> failed.retry(Locale.ENGLISH, Long.toString(id)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThatThrownBy(() -> failed.retry(Locale.ENGLISH, "424242"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> failed.retry(Locale.ENGLISH, "1 OR 1=1"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    /** A text that the outbox claimed and Twilio refused. */
    private long failedMessage(long conversation, String body) {
        long id = rig.queue(conversation, Channel.SMS, "Interview", body).getId();
        OutboxStore outbox = rig.core.outboxStore();
        assertThat(outbox.claimDue(10, Duration.ofMinutes(1))).extracting(ClaimedMessage::messageId).contains(id);
        assertThat(outbox.fail(id, "TWILIO_REFUSED", "Twilio refused the message (error 21211)")).isTrue();
        MessagingRig.sleep(2); // distinct creation times, as in life
        return id;
    }
}
