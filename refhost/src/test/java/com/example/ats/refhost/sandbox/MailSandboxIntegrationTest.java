package com.example.ats.refhost.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.refhost.testing.RunningHost;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The running host's sandbox mail server, used as an ordinary mail client would use it. */
class MailSandboxIntegrationTest {
    private static RunningHost host;

    @BeforeAll
    static void start() throws Exception {
        host = RunningHost.start();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void mailSentThroughSmtpLandsInTheRecipientsImapInbox() throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(host.config().smtpPort()));
        Session session = Session.getInstance(properties);
        MimeMessage mail = new MimeMessage(session);
        mail.setFrom(new InternetAddress("alice@ats.example.com"));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress("dana.whitfield@example.com"));
        mail.setSubject("Interview on Tuesday");
        mail.setText("Hi Dana, does 10:00 work?");
        Transport.send(mail);

        Store store = session.getStore("imap");
        store.connect("127.0.0.1", host.config().imapPort(), "dana.whitfield@example.com", "dana.whitfield@example.com");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] messages = inbox.getMessages();
            assertThat(messages).hasSize(1);
            assertThat(messages[0].getSubject()).isEqualTo("Interview on Tuesday");
            assertThat(messages[0].getContent().toString()).contains("does 10:00 work?");
            inbox.close(false);
        } finally {
            store.close();
        }
    }
}
