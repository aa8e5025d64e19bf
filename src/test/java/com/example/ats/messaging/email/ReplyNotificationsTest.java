package com.example.ats.messaging.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.messaging.conversation.Channel;
import com.example.ats.messaging.conversation.InboundMessage;
import com.example.ats.messaging.testing.MessagingRig;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Emails to recruiters about replies, through real SMTP (GreenMail): the first at once, later ones batched. */
class ReplyNotificationsTest {
    private GreenMail smtp;
    private MessagingRig rig;
    private long conversation;

    @BeforeEach
    void start() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        rig = new MessagingRig("h2", Map.of("smtp.host", "127.0.0.1", "smtp.port", port,
                "email.from.address", "talent@ats.example.com", "email.reply.address", "replies@ats.example.com",
                "notify.batch.seconds", "2", "public.base.url", "https://ats.example.com"));
        conversation = rig.conversationWith(MessagingRig.DANA);
    }

    @AfterEach
    void stop() {
        rig.close();
        smtp.stop();
    }

    @Test
    void theFirstReplyIsAnnouncedAtOnceAndLaterOnesInOneBatch() throws Exception {
        reply("sms-1", "Yes, Tuesday works <b>fine</b>");
        assertThat(rig.core.notifications().sendDue()).isEqualTo(1);

        MimeMessage first = smtp.getReceivedMessages()[0];
        assertThat(first.getAllRecipients()[0].toString()).isEqualTo("Alice Recruiter <alice@ats.example.com>");
        assertThat(first.getSubject()).isEqualTo("New reply from Dana Whitfield");
        assertThat(first.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
        String body = decoded(first);
        assertThat(body).contains("https://ats.example.com/candidates/10#messaging-conversation-" + conversation)
                .contains("Yes, Tuesday works").contains("[SMS · ");
        String html = (String) ((jakarta.mail.internet.MimeMultipart) first.getContent()).getBodyPart(1).getContent();
        assertThat(html).contains("Yes, Tuesday works &lt;b&gt;fine&lt;/b&gt;").doesNotContain("<b>fine</b>");

        reply("sms-2", "Shall I bring anything?");
        reply("sms-3", "And where do we meet?");
        assertThat(rig.core.notifications().sendDue()).as("within the batch window").isZero();

        MessagingRig.sleep(2_100);
        assertThat(rig.core.notifications().sendDue()).isEqualTo(1);
        MimeMessage batch = smtp.getReceivedMessages()[1];
        assertThat(batch.getSubject()).isEqualTo("2 new replies from Dana Whitfield");
        assertThat(decoded(batch)).contains("Shall I bring anything?").contains("And where do we meet?")
                .doesNotContain("Yes, Tuesday works");
        assertThat(rig.core.notifications().sendDue()).isZero();
    }

    @Test
    void automaticRepliesAnnounceNothing() {
        rig.core.conversationStore().recordInbound(conversation, new InboundMessage(Channel.EMAIL, "email:<ooo@x>",
                "Out of office", "Back on Monday", "dana.whitfield@example.com", "replies@ats.example.com", true));
        assertThat(rig.core.notifications().sendDue()).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void whenSmtpIsDownTheNotificationWaitsForTheNextRound() {
        smtp.stop();
        reply("sms-1", "Hello?");
        assertThat(rig.core.notifications().sendDue()).isZero();
        smtp.start();
        assertThat(rig.core.notifications().sendDue()).isEqualTo(1);
    }

    /** Both parts, transfer-decoded. */
    private static String decoded(MimeMessage mail) throws Exception {
        jakarta.mail.internet.MimeMultipart parts = (jakarta.mail.internet.MimeMultipart) mail.getContent();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < parts.getCount(); i++) {
            text.append(parts.getBodyPart(i).getContent()).append('\n');
        }
        return text.toString();
    }

    private void reply(String sid, String body) {
        rig.core.conversationStore().recordInbound(conversation, new InboundMessage(Channel.SMS, "twilio:" + sid, null,
                body, "+14155550101", "+15005550006", false));
    }
}
