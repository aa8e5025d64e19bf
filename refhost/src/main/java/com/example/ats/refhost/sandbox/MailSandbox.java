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
