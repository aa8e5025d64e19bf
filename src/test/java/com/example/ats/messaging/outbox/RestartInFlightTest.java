package com.example.ats.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.messaging.conversation.Channel;
import com.example.ats.messaging.conversation.MessageEntity;
import com.example.ats.messaging.conversation.MessageStatus;
import com.example.ats.messaging.db.TestDatabases;
import com.example.ats.messaging.testing.MessagingRig;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plugin stopped while the outbox was busy and started again on the same database: every
 * message is sent, none twice (checked at the SMTP server, by subject and by Message-ID).
 */
class RestartInFlightTest {
    private static final OutboxWorker.Settings FAST = new OutboxWorker.Settings(Duration.ofSeconds(1),
            Duration.ofMillis(20), 8, new RetryPolicy(6, Duration.ofMillis(50), Duration.ofMillis(200), new Random(3)));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void nothingIsLostAndNothingIsSentTwice(String kind) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Map<String, Object> settings = Map.of("smtp.host", "127.0.0.1", "smtp.port", port,
                "email.from.address", "talent@ats.example.com", "email.reply.address", "replies@ats.example.com");
        DataSource database = TestDatabases.dataSource(kind);
        int total = 300;
        List<Long> ids = new ArrayList<>();
        try {
            MessagingRig first = new MessagingRig(database, settings);
            long conversation = first.conversationWith(MessagingRig.DANA);
            for (int i = 0; i < total; i++) {
                ids.add(first.queue(conversation, Channel.EMAIL, "Message " + i, "Body " + i).getId());
            }
            first.core.startOutbox(FAST);
            while (smtp.getReceivedMessages().length < total / 5) {
                Thread.sleep(5);
            }
            first.close(); // stops mid-way: some sent, some claimed, most still queued
            int beforeRestart = smtp.getReceivedMessages().length;
            assertThat(beforeRestart).isLessThan(total);

            MessagingRig second = new MessagingRig(database, settings);
            try {
                second.core.startOutbox(FAST);
                for (long id : ids) {
                    second.awaitMessage(id, m -> m.getStatus() == MessageStatus.SENT || m.getStatus() == MessageStatus.FAILED,
                            Duration.ofSeconds(30));
                }
                MimeMessage[] received = smtp.getReceivedMessages();
                List<String> subjects = new ArrayList<>();
                for (MimeMessage mail : received) {
                    subjects.add(mail.getSubject());
                }
                assertThat(subjects).doesNotHaveDuplicates();
                assertThat(Arrays.stream(received).map(this::messageId).toList()).doesNotHaveDuplicates();
                List<MessageEntity> failed = ids.stream().map(second::message)
                        .filter(m -> m.getStatus() == MessageStatus.FAILED).toList();
                // A stop lets claimed sends finish or puts them back, so none is left uncertain
                // (a crash is different: see EmailOutboxTest's cut-off send).
                assertThat(failed).isEmpty();
                assertThat(received).hasSize(total);
                System.out.printf("restart (%s): %d sent before the stop, %d after, %d interrupted%n", kind,
                        beforeRestart, received.length - beforeRestart, failed.size());
            } finally {
                second.close();
            }
        } finally {
            smtp.stop();
        }
    }

    private String messageId(MimeMessage mail) {
        try {
            return mail.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
