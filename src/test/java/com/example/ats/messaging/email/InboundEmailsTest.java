package com.example.ats.messaging.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.messaging.conversation.Channel;
import com.example.ats.messaging.conversation.Direction;
import com.example.ats.messaging.conversation.MessageEntity;
import com.example.ats.messaging.conversation.MessageStatus;
import com.example.ats.messaging.outbox.OutboxStore;
import com.example.ats.messaging.outbox.SendOutcome;
import com.example.ats.messaging.spi.HostCandidate;
import com.example.ats.messaging.testing.MessagingRig;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Inbound email from the .eml fixtures in src/test/resources/eml: real clients' replies (Gmail,
 * Outlook, Apple Mail; German and French headers; HTML only; quoted-printable, base64; Latin-1,
 * Shift_JIS, Big5), automatic mail, a bounce, our own mail and unknown senders.
 */
class InboundEmailsTest {
    private static final String TOKEN = "aaaaaaaaaaaaaaaaaaaa";
    private static final String ORIGINAL = "<msg-1.0123456789abcdef@ats.example.com>";

    private MessagingRig rig;
    private long conversation;
    private MessageEntity original;

    @BeforeEach
    void start() {
        rig = new MessagingRig("h2", Map.of("email.from.address", "talent@ats.example.com",
                "email.reply.address", "replies@ats.example.com"));
        conversation = rig.conversationWith(MessagingRig.DANA);
        rig.core.database();
        setReplyToken(conversation, TOKEN);
        original = rig.queue(conversation, Channel.EMAIL, "Interview on Tuesday", "Hi Dana, would 10:00 suit you?");
        OutboxStore outbox = rig.core.outboxStore();
        outbox.claimDue(10, Duration.ofMinutes(1));
        outbox.markAllSent(java.util.Map.of(original.getId(), new SendOutcome.Sent("email:" + ORIGINAL, "talent@ats.example.com",
                "dana.whitfield@example.com")));
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "01-gmail-plain.eml|Re: Interview on Tuesday|Tuesday at 10 works for me. See you then!\\n\\nDana",
            "02-gmail-wrapped-on-wrote.eml|Re: Interview on Tuesday|Could we make it 11 instead?",
            "03-outlook-original-message.eml|RE: Interview on Tuesday|Hello Alice,\\n\\nThank you, that time is fine.\\n\\nKind regards,\\nEli",
            "04-outlook-from-sent-block.eml|RE: Interview on Tuesday|Yes, I will bring my portfolio.",
            "05-apple-mail.eml|Re: Interview on Tuesday|Sounds good, thanks!",
            "06-german-outlook.eml|AW: Vorstellungsgespräch|Hallo Alice,\\n\\ngerne, Dienstag passt mir gut. Grüße aus München!\\n\\nGus",
            "07-german-am-schrieb.eml|Re: Termin|Danke, bis Dienstag.",
            "08-html-only.eml|Re: Interview|Thanks & see you Tuesday!\\n\\nHana",
            "09-base64-plain.eml|Re: Interview|Happy to talk on Tuesday. My number changed: +1 415 555 0199.",
            "10-quoted-printable-french.eml|Re: Entretien à Paris|Très bien, à mardi ! Ça me convient parfaitement — merci.",
            "11-shift-jis.eml|面接の件|はい、火曜日の10時で大丈夫です。よろしくお願いします。",
            "12-big5.eml|回覆：面試|好的，星期二上午十點見。謝謝！",
            "18-reply-without-token.eml|Re: Interview on Tuesday|Replying from another address book entry.",
            "20-iso-8859-1-with-attachment.eml|Lebenslauf für Sie|Anbei mein Lebenslauf. Schöne Grüße!",
            "21-outlook-html-only.eml|RE: Interview on Tuesday|See you on Tuesday – thanks!",
    })
    void aReplyLandsInItsConversationAsTheCandidateWroteIt(String file, String subject, String body) throws IOException {
        assertThat(receive(file)).isEqualTo(InboundEmails.Outcome.STORED);

        MessageEntity reply = latestInbound();
        assertThat(reply.getSubject()).isEqualTo(subject);
        assertThat(reply.getBody()).isEqualTo(body.replace("\\n", "\n"));
        assertThat(reply.getStatus()).isEqualTo(MessageStatus.RECEIVED);
        assertThat(reply.isAutoReply()).isFalse();
        assertThat(rig.core.conversationStore().unreadFor(MessagingRig.ALICE.id())).isEqualTo(1);
        assertThat(rawOf(reply.getId())).contains("Subject:");
    }

    @Test
    void theSameMessageDeliveredTwiceIsStoredOnceEvenWithoutAMessageId() throws IOException {
        assertThat(receive("13-missing-message-id.eml")).isEqualTo(InboundEmails.Outcome.STORED);
        assertThat(receive("13-missing-message-id.eml")).isEqualTo(InboundEmails.Outcome.DUPLICATE);
        assertThat(receive("01-gmail-plain.eml")).isEqualTo(InboundEmails.Outcome.STORED);
        assertThat(receive("01-gmail-plain.eml")).isEqualTo(InboundEmails.Outcome.DUPLICATE);

        assertThat(inbound()).hasSize(2);
        assertThat(inbound().get(0).getProviderId()).startsWith("email:<sha256.");
        assertThat(rig.core.conversationStore().unreadFor(MessagingRig.ALICE.id())).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"14-out-of-office.eml", "16-mailing-list.eml"})
    void automaticMailIsKeptFlaggedWithoutCountingUnread(String file) throws IOException {
        assertThat(receive(file)).isEqualTo(InboundEmails.Outcome.STORED);

        assertThat(latestInbound().isAutoReply()).isTrue();
        assertThat(rig.core.conversationStore().unreadFor(MessagingRig.ALICE.id())).isZero();
        assertThat(rig.core.conversationStore().find(conversation).orElseThrow().isNotifyPending()).isFalse();
    }

    @Test
    void aBounceFailsTheBouncedMessageWithTheServersReason() throws IOException {
        assertThat(receive("15-bounce-dsn.eml")).isEqualTo(InboundEmails.Outcome.BOUNCE);

        MessageEntity bounced = rig.message(original.getId());
        assertThat(bounced.getStatus()).isEqualTo(MessageStatus.FAILED);
        assertThat(bounced.getErrorCode()).isEqualTo("BOUNCED");
        assertThat(bounced.getErrorMessage()).contains("550 5.1.1").contains("User unknown");
        assertThat(inbound()).isEmpty();
    }

    @Test
    void ourOwnMailIsNeverTakenIn() throws IOException {
        assertThat(receive("17-own-mail-loop.eml")).isEqualTo(InboundEmails.Outcome.OWN_MAIL);
        assertThat(inbound()).isEmpty();
    }

    @Test
    void mailFromAnUnknownSenderIsKeptForAdministrators() throws IOException {
        assertThat(receive("19-unknown-sender.eml")).isEqualTo(InboundEmails.Outcome.UNROUTED);

        assertThat(inbound()).isEmpty();
        assertThat(rig.core.unrouted().recent(10)).extracting(u -> u.getFromAddress() + ": " + u.getBody())
                .containsExactly("stranger@example.net: Do you have any openings?");
    }

    @Test
    void aKnownSenderWithoutTokenOrThreadingFindsTheirLatestConversation() {
        HostCandidate dana = MessagingRig.DANA;
        byte[] mail = ("From: " + dana.email() + "\r\nTo: talent@ats.example.com\r\nSubject: Hello again\r\n"
                + "Message-ID: <fresh@example.com>\r\n\r\nA new thread.\r\n").getBytes();
        assertThat(rig.core.inboundEmails().receive(mail)).isEqualTo(InboundEmails.Outcome.STORED);
        assertThat(latestInbound().getBody()).isEqualTo("A new thread.");
    }

    private InboundEmails.Outcome receive(String file) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/eml/" + file)) {
            return rig.core.inboundEmails().receive(in.readAllBytes());
        }
    }

    private List<MessageEntity> inbound() {
        return rig.core.conversationStore().messagesOf(conversation, null, 100).stream()
                .filter(m -> m.getDirection() == Direction.INBOUND)
                .sorted(java.util.Comparator.comparing(MessageEntity::getId)).toList();
    }

    private MessageEntity latestInbound() {
        List<MessageEntity> inbound = inbound();
        assertThat(inbound).isNotEmpty();
        return inbound.get(inbound.size() - 1);
    }

    private void setReplyToken(long conversationId, String token) {
        new com.example.ats.messaging.db.Transactions(rig.core.database()).inTransaction(session ->
                session.createNativeMutationQuery("UPDATE msg_conversation SET reply_token = :token WHERE id = :id")
                        .setParameter("token", token).setParameter("id", conversationId).executeUpdate());
    }

    private String rawOf(long messageId) {
        return new com.example.ats.messaging.db.Transactions(rig.core.database()).inTransaction(session ->
                session.createNativeQuery("SELECT raw_mime FROM msg_inbound_raw WHERE message_id = :id", String.class)
                        .setParameter("id", messageId).getSingleResult());
    }
}
