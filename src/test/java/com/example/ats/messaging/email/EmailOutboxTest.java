package com.example.ats.messaging.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.messaging.conversation.Channel;
import com.example.ats.messaging.conversation.MessageEntity;
import com.example.ats.messaging.conversation.MessageStatus;
import com.example.ats.messaging.outbox.ClaimedMessage;
import com.example.ats.messaging.outbox.OutboxWorker;
import com.example.ats.messaging.outbox.RetryPolicy;
import com.example.ats.messaging.spi.HostCandidate;
import com.example.ats.messaging.testing.MessagingRig;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The outbox sending email with real Commons Email to a real SMTP server (GreenMail), on H2 and PostgreSQL. */
class EmailOutboxTest {
    private static final OutboxWorker.Settings FAST = new OutboxWorker.Settings(Duration.ofSeconds(30),
            Duration.ofMillis(20), 4, new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(400), new Random(1)));

    private final int smtpPort = freePort();
    private GreenMail smtp;
    private MessagingRig rig;

    private void start(String kind) {
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        rig = new MessagingRig(kind, Map.of("smtp.host", "127.0.0.1", "smtp.port", smtpPort,
                "email.from.address", "talent@ats.example.com", "email.from.name", "Acme Talent",
                "email.reply.address", "replies@ats.example.com"));
    }

    @AfterEach
    void stop() {
        if (rig != null) {
            rig.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aQueuedEmailLeavesWithHtmlAndTextTheConversationsReplyAddressAndOurMessageId(String kind) throws Exception {
        start(kind);
        long conversation = rig.conversationWith(MessagingRig.DANA);
        MessageEntity queued = rig.queue(conversation, Channel.EMAIL, "Interview on Tuesday",
                "Hi Dana,\nwould 10:00 suit you?\n\n<script>alert(1)</script> & thanks");
        rig.core.startOutbox(FAST);

        MessageEntity sent = rig.awaitStatus(queued.getId(), MessageStatus.SENT);

        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        String token = rig.core.conversationStore().find(conversation).orElseThrow().getReplyToken();
        assertThat(mail.getSubject()).isEqualTo("Interview on Tuesday");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("Acme Talent <talent@ats.example.com>");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("Dana Whitfield <dana.whitfield@example.com>");
        assertThat(mail.getReplyTo()[0].toString()).isEqualTo("replies+" + token + "@ats.example.com");
        assertThat(sent.getProviderId()).isEqualTo("email:" + mail.getMessageID());
        assertThat(mail.getMessageID()).matches("<msg-" + queued.getId() + "\\.[0-9a-f]{16}@ats\\.example\\.com>");
        String raw = GreenMailUtil.getWholeMessage(mail);
        assertThat(raw).contains("multipart/alternative").contains("text/plain").contains("text/html");
        jakarta.mail.internet.MimeMultipart parts = (jakarta.mail.internet.MimeMultipart) mail.getContent();
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(text.replace("\r\n", "\n")).startsWith("Hi Dana,\nwould 10:00 suit you?").contains("<script>alert(1)</script> & thanks");
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; thanks")
                .contains("Hi Dana,<br>would 10:00 suit you?");
        assertThat(raw).contains("Alice Recruiter");
        assertThat(text).contains("Reply to this email to answer");
        assertThat(sent.getToAddress()).isEqualTo("dana.whitfield@example.com");
        assertThat(sent.getAttempts()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void whileSmtpIsDownTheMessageWaitsAndLeavesOnceItIsBack(String kind) throws Exception {
        start(kind);
        smtp.stop();
        long conversation = rig.conversationWith(MessagingRig.DANA);
        MessageEntity queued = rig.queue(conversation, Channel.EMAIL, "Hello", "Are you free?");
        rig.core.startOutbox(FAST);

        MessageEntity waiting = rig.awaitMessage(queued.getId(),
                m -> m.getStatus() == MessageStatus.QUEUED && "SMTP_UNREACHABLE".equals(m.getErrorCode()),
                Duration.ofSeconds(5));
        assertThat(waiting.getAttempts()).isGreaterThanOrEqualTo(1);
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();

        MessageEntity sent = rig.awaitStatus(queued.getId(), MessageStatus.SENT);
        assertThat(sent.getErrorCode()).isNull();
        MessagingRig.sleep(300);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2"})
    void afterTheLastTryTheMessageFailsWithAReadableReason(String kind) {
        start(kind);
        smtp.stop();
        long conversation = rig.conversationWith(MessagingRig.DANA);
        MessageEntity queued = rig.queue(conversation, Channel.EMAIL, "Hello", "Are you free?");
        rig.core.startOutbox(FAST);

        MessageEntity failed = rig.awaitStatus(queued.getId(), MessageStatus.FAILED);
        assertThat(failed.getAttempts()).isEqualTo(4);
        assertThat(failed.getErrorCode()).isEqualTo("SMTP_UNREACHABLE");
        assertThat(failed.getErrorMessage()).startsWith("The mail server could not be reached");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2"})
    void aLineBreakInAHeaderValueIsRefusedAndNothingIsSent(String kind) {
        start(kind);
        HostCandidate injected = new HostCandidate("66", "Mallory\r\nBcc: victim@example.com", "mallory@example.com",
                null, false);
        long conversation = rig.conversationWith(injected);
        MessageEntity queued = rig.queue(conversation, Channel.EMAIL, "Hello", "Hi");
        rig.core.startOutbox(FAST);

        MessageEntity failed = rig.awaitStatus(queued.getId(), MessageStatus.FAILED);
        assertThat(failed.getErrorCode()).isEqualTo("INVALID_HEADER");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aSendCutOffByACrashIsNeverResentBlindly(String kind) {
        start(kind);
        long conversation = rig.conversationWith(MessagingRig.DANA);
        MessageEntity queued = rig.queue(conversation, Channel.EMAIL, "Hello", "Hi");
        // A node claimed it and died before recording anything: its lease has run out.
        List<ClaimedMessage> claimed = rig.core.outboxStore().claimDue(10, Duration.ZERO);
        assertThat(claimed).extracting(ClaimedMessage::messageId).containsExactly(queued.getId());

        rig.core.startOutbox(FAST);

        MessageEntity failed = rig.awaitStatus(queued.getId(), MessageStatus.FAILED);
        assertThat(failed.getErrorCode()).isEqualTo("SEND_INTERRUPTED");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void twoNodesClaimingAtOnceNeverTakeTheSameMessage(String kind) throws Exception {
        start(kind);
        long conversation = rig.conversationWith(MessagingRig.DANA);
        for (int i = 0; i < 200; i++) {
            rig.queue(conversation, Channel.EMAIL, "Hello " + i, "Hi");
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<List<Long>>> claims = new java.util.ArrayList<>();
        for (int node = 0; node < 4; node++) {
            claims.add(pool.submit(() -> {
                List<Long> mine = new java.util.ArrayList<>();
                List<ClaimedMessage> batch;
                while (!(batch = rig.core.outboxStore().claimDue(7, Duration.ofMinutes(1))).isEmpty()) {
                    batch.forEach(m -> mine.add(m.messageId()));
                }
                return mine;
            }));
        }
        List<Long> all = new java.util.ArrayList<>();
        for (var claim : claims) {
            all.addAll(claim.get());
        }
        pool.shutdown();
        assertThat(all).hasSize(200).doesNotHaveDuplicates();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
