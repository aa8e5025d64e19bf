package com.example.ats.refhost.sandbox;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The dev sandbox's mail server (CONTRACT §5): SMTP and IMAP on loopback, where every address has
 * a mailbox and logs in with any password (the contract says: the address itself). Mail sent to
 * an address lands in its mailbox, so candidates can be played with any ordinary mail client.
 */
public final class MailSandbox implements AutoCloseable {
    private final GreenMail greenMail;
    private final ServerSetup smtp;
    private final ServerSetup imap;

    private MailSandbox(GreenMail greenMail, ServerSetup smtp, ServerSetup imap) {
        this.greenMail = greenMail;
        this.smtp = smtp;
        this.imap = imap;
    }

    public static MailSandbox start(String host, int smtpPort, int imapPort) {
        ServerSetup smtp = new ServerSetup(smtpPort, host, ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = new ServerSetup(imapPort, host, ServerSetup.PROTOCOL_IMAP);
        // GreenMail as a library opens only these two ports (its standalone API server is not used).
        GreenMail greenMail = new GreenMail(new ServerSetup[] {smtp, imap})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        // Like most real mail servers, deliver user+anything@domain to user@domain's mailbox:
        // the plugin's per-conversation reply addresses all land in its one reply mailbox.
        greenMail.getUserManager().setSieveIgnoreDetail(true);
        return new MailSandbox(greenMail, smtp, imap);
    }

    /** A mail in someone's sandbox mailbox, decoded for the "play the candidate" page. */
    public record Mail(String messageId, String from, String replyTo, String subject, String text, java.time.Instant sent) {
    }

    /** The mails in the address's inbox, newest first (empty when nobody wrote to it yet). */
    public java.util.List<Mail> inbox(String address) {
        var user = greenMail.getUserManager().getUserByEmail(address);
        if (user == null) {
            return java.util.List.of();
        }
        try {
            java.util.List<Mail> mails = new java.util.ArrayList<>();
            for (var stored : greenMail.getManagers().getImapHostManager().getInbox(user).getMessages()) {
                jakarta.mail.internet.MimeMessage message = stored.getMimeMessage();
                jakarta.mail.Address[] replyTo = message.getReplyTo();
                mails.add(new Mail(message.getMessageID(), String.valueOf(message.getFrom()[0]),
                        replyTo == null || replyTo.length == 0 ? null
                                : ((jakarta.mail.internet.InternetAddress) replyTo[0]).getAddress(),
                        message.getSubject(), MailText.plain(message),
                        message.getSentDate() == null ? null : message.getSentDate().toInstant()));
            }
            java.util.Collections.reverse(mails);
            return mails;
        } catch (com.icegreen.greenmail.store.FolderException | jakarta.mail.MessagingException | java.io.IOException e) {
            throw new IllegalStateException("Could not read the sandbox mailbox of " + address, e);
        }
    }

    public int smtpPort() {
        return smtp.getPort();
    }

    public int imapPort() {
        return imap.getPort();
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
