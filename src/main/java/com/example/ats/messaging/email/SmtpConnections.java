package com.example.ats.messaging.email;

import com.example.ats.messaging.settings.ChannelSettings;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Open SMTP connections kept between sends, as mail servers expect of a busy client: a connect,
 * TLS handshake and EHLO per message would cost more than the message. A connection is checked
 * (NOOP) before reuse; one that fails is dropped, never reused. Connections made for old settings
 * are closed when they come back.
 */
final class SmtpConnections implements AutoCloseable {
    private record Pooled(ChannelSettings.Smtp settings, Transport transport) {
    }

    private final ConcurrentLinkedDeque<Pooled> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    void send(Session session, ChannelSettings.Smtp smtp, MimeMessage message) throws MessagingException {
        Pooled connection = take(smtp);
        if (connection == null) {
            Transport transport = session.getTransport(smtp.tls() == ChannelSettings.Tls.SSL ? "smtps" : "smtp");
            transport.connect(smtp.host(), smtp.port(), smtp.user(), smtp.password());
            connection = new Pooled(smtp, transport);
        }
        try {
            message.saveChanges();
            connection.transport().sendMessage(message, message.getAllRecipients());
        } catch (MessagingException | RuntimeException e) {
            quietlyClose(connection);
            throw e;
        }
        if (closed) {
            quietlyClose(connection);
        } else {
            idle.push(connection);
        }
    }

    /** A live idle connection for these settings, or null. */
    private Pooled take(ChannelSettings.Smtp smtp) {
        for (Pooled pooled = idle.poll(); pooled != null; pooled = idle.poll()) {
            if (pooled.settings().equals(smtp) && pooled.transport().isConnected()) {
                return pooled;
            }
            quietlyClose(pooled);
        }
        return null;
    }

    private static void quietlyClose(Pooled pooled) {
        try {
            pooled.transport().close();
        } catch (MessagingException ignored) {
            // Dropping it anyway.
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Pooled pooled = idle.poll(); pooled != null; pooled = idle.poll()) {
            quietlyClose(pooled);
        }
    }
}
