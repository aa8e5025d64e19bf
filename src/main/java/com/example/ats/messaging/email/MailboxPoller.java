package com.example.ats.messaging.email;

import com.example.ats.messaging.osgi.BundleClassLoaderScope;
import com.example.ats.messaging.settings.ChannelSettings;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Properties;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads candidates' replies from the reply mailbox over IMAP: every unseen message is handed to
 * {@link InboundEmails} and flagged \Seen only after it was stored, so a failure (database away,
 * plugin stopping) leaves it for the next poll. Polls at the configured interval.
 */
public final class MailboxPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MailboxPoller.class);

    private final Supplier<ChannelSettings> settings;
    private final InboundEmails inbound;
    private final Clock clock;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Instant lastPoll;
    private volatile String lastError;

    public MailboxPoller(Supplier<ChannelSettings> settings, InboundEmails inbound, Clock clock) {
        this.settings = settings;
        this.inbound = inbound;
        this.clock = clock;
        this.thread = new Thread(this::run, "messaging-mailbox");
        this.thread.setDaemon(true);
    }

    public MailboxPoller start() {
        thread.start();
        return this;
    }

    private void run() {
        while (running) {
            ChannelSettings.Mailbox mailbox = settings.get().mailbox();
            if (mailbox.configured()) {
                try {
                    pollOnce(mailbox);
                    lastError = null;
                } catch (MessagingException | IOException | RuntimeException e) {
                    lastError = e.toString();
                    if (running) { // a failure while stopping is the stop itself
                        LOG.warn("Reading the reply mailbox failed, trying again at the next poll: {}", e.toString());
                    }
                }
            }
            try {
                Thread.sleep(mailbox.pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Takes in every unseen message once. Returns how many were handled. */
    public int pollOnce(ChannelSettings.Mailbox mailbox) throws MessagingException, IOException {
        try (BundleClassLoaderScope ignored = BundleClassLoaderScope.enter(MailboxPoller.class)) {
            Store store = session(mailbox).getStore(mailbox.tls() == ChannelSettings.Tls.SSL ? "imaps" : "imap");
            store.connect(mailbox.host(), mailbox.port(), mailbox.user(), mailbox.password());
            try {
                Folder folder = store.getFolder(mailbox.folder());
                folder.open(Folder.READ_WRITE);
                try {
                    Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                    for (Message message : unseen) {
                        ByteArrayOutputStream raw = new ByteArrayOutputStream();
                        message.writeTo(raw);
                        InboundEmails.Outcome outcome = inbound.receive(raw.toByteArray());
                        LOG.debug("Inbound email {}: {}", message.getMessageNumber(), outcome);
                        message.setFlag(Flags.Flag.SEEN, true);
                    }
                    lastPoll = clock.instant();
                    return unseen.length;
                } finally {
                    folder.close(false);
                }
            } finally {
                store.close();
            }
        }
    }

    private static Session session(ChannelSettings.Mailbox mailbox) {
        Properties properties = new Properties();
        String timeout = Long.toString(java.time.Duration.ofSeconds(20).toMillis());
        for (String protocol : new String[] {"imap", "imaps"}) {
            properties.setProperty("mail." + protocol + ".connectiontimeout", timeout);
            properties.setProperty("mail." + protocol + ".timeout", timeout);
        }
        if (mailbox.tls() == ChannelSettings.Tls.STARTTLS) {
            properties.setProperty("mail.imap.starttls.enable", "true");
            properties.setProperty("mail.imap.starttls.required", "true");
        }
        return Session.getInstance(properties);
    }

    public Instant lastPoll() {
        return lastPoll;
    }

    public String lastError() {
        return lastError;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
