package com.example.ats.messaging.email;

import com.example.ats.messaging.conversation.Channel;
import com.example.ats.messaging.i18n.Messages;
import com.example.ats.messaging.osgi.BundleClassLoaderScope;
import com.example.ats.messaging.outbox.ChannelDispatcher;
import com.example.ats.messaging.outbox.OutboundEnvelope;
import com.example.ats.messaging.outbox.Reconciliation;
import com.example.ats.messaging.outbox.SendOutcome;
import com.example.ats.messaging.settings.ChannelSettings;
import com.example.ats.messaging.spi.HostCandidate;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.commons.mail2.core.EmailException;
import org.apache.commons.mail2.jakarta.HtmlEmail;

/**
 * Sends recruiters' messages as email through SMTP with Apache Commons Email: an HTML and a
 * plain-text body from Velocity templates, the conversation's plus-address as Reply-To, and a
 * Message-ID of ours (kept as the provider id) so replies can be matched by In-Reply-To too.
 */
public final class EmailDispatcher implements ChannelDispatcher {
    static final String PROVIDER_PREFIX = "email:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Supplier<ChannelSettings> settings;
    private final EmailTemplates templates;
    private final Messages messages;
    private final SmtpConnections connections = new SmtpConnections();

    public EmailDispatcher(Supplier<ChannelSettings> settings, EmailTemplates templates, Messages messages) {
        this.settings = settings;
        this.templates = templates;
        this.messages = messages;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public SendOutcome send(OutboundEnvelope envelope) {
        ChannelSettings.Smtp smtp = settings.get().smtp();
        if (!smtp.configured()) {
            return new SendOutcome.TryLater("EMAIL_NOT_CONFIGURED", "Email is not configured (SMTP server, From and reply address).");
        }
        HostCandidate candidate = envelope.candidate();
        if (candidate.emailAddress().isEmpty()) {
            return new SendOutcome.Failed("NO_EMAIL", "The candidate has no email address.");
        }
        String to = candidate.emailAddress().get();
        if (!List.of(envelope.subject(), candidate.name(), to, nullToEmpty(smtp.fromName()), nullToEmpty(envelope.authorName()))
                .stream().allMatch(HeaderValues::safe)) {
            return new SendOutcome.Failed("INVALID_HEADER", "A subject, name or address contains a line break.");
        }
        ReplyAddresses replies = new ReplyAddresses(smtp.replyAddress());
        String messageId = "<msg-" + envelope.messageId() + "." + HexFormat.of().formatHex(randomBytes()) + "@"
                + replies.domain() + ">";
        try (BundleClassLoaderScope ignored = BundleClassLoaderScope.enter(EmailDispatcher.class)) {
            HtmlEmail email = new FixedMessageIdEmail(messageId);
            configure(email, smtp);
            email.setFrom(smtp.fromAddress(), smtp.fromName());
            email.addTo(to, candidate.name());
            email.addReplyTo(replies.forToken(envelope.replyToken()));
            email.setSubject(envelope.subject());
            // Marks our mail so an auto-responder that answers it does not start a loop.
            email.addHeader("Auto-Submitted", "no");
            email.addHeader("X-Loop", smtp.replyAddress());
            Map<String, Object> model = model(envelope);
            email.setHtmlMsg(templates.html("message", model));
            email.setTextMsg(templates.text("message", model));
            email.buildMimeMessage();
            connections.send(email.getMailSession(), smtp, email.getMimeMessage());
            return new SendOutcome.Sent(PROVIDER_PREFIX + messageId, smtp.fromAddress(), to);
        } catch (EmailException | MessagingException | RuntimeException e) {
            return SmtpFailures.classify(e);
        }
    }

    @Override
    public void close() {
        connections.close();
    }

    /** An administrator's test email with the settings in effect: the provider's answer, in words. */
    public SendOutcome sendTest(String to) {
        ChannelSettings.Smtp smtp = settings.get().smtp();
        if (!smtp.configured()) {
            return new SendOutcome.Failed("EMAIL_NOT_CONFIGURED", "Email is not configured (SMTP server, From and reply address).");
        }
        try (BundleClassLoaderScope ignored = BundleClassLoaderScope.enter(EmailDispatcher.class)) {
            HtmlEmail email = new HtmlEmail();
            configure(email, smtp);
            email.setFrom(smtp.fromAddress(), smtp.fromName());
            email.addTo(to);
            email.setSubject("Test email from the ATS messaging plugin");
            email.addHeader("Auto-Submitted", "auto-generated");
            email.setTextMsg("This is a test email. If you can read it, the plugin's email settings work.");
            email.buildMimeMessage();
            connections.send(email.getMailSession(), smtp, email.getMimeMessage());
            return new SendOutcome.Sent(PROVIDER_PREFIX + email.getMimeMessage().getMessageID(), smtp.fromAddress(), to);
        } catch (EmailException | MessagingException | RuntimeException e) {
            return SmtpFailures.classify(e);
        }
    }

    /**
     * SMTP keeps no record we could ask, so an interrupted send cannot be settled automatically:
     * it ends failed with a reason that says so, and a person decides whether to send it again.
     */
    @Override
    public Reconciliation reconcile(OutboundEnvelope envelope) {
        return new Reconciliation.Unknowable("SEND_INTERRUPTED",
                "Sending was interrupted; the email may or may not have reached the candidate. Retry to send it again.");
    }

    static void configure(HtmlEmail email, ChannelSettings.Smtp smtp) {
        email.setHostName(smtp.host());
        email.setSmtpPort(smtp.port());
        email.setCharset("UTF-8");
        email.setSocketConnectionTimeout(smtp.timeout());
        email.setSocketTimeout(smtp.timeout());
        if (smtp.user() != null) {
            email.setAuthentication(smtp.user(), nullToEmpty(smtp.password()));
        }
        switch (smtp.tls()) {
            case STARTTLS -> email.setStartTLSEnabled(true).setStartTLSRequired(true);
            case SSL -> {
                email.setSSLOnConnect(true);
                email.setSslSmtpPort(Integer.toString(smtp.port()));
            }
            case NONE -> { }
        }
    }

    private Map<String, Object> model(OutboundEnvelope envelope) {
        Locale locale = Locale.ENGLISH;
        Map<String, Object> model = new HashMap<>();
        model.put("lang", locale.getLanguage());
        model.put("subject", envelope.subject());
        model.put("body", envelope.body());
        model.put("paragraphs", paragraphs(envelope.body()));
        model.put("authorName", envelope.authorName());
        model.put("replyHint", messages.text(locale, "messaging.email.replyHint"));
        return model;
    }

    /** Blank lines separate paragraphs; single line breaks stay line breaks. */
    static List<List<String>> paragraphs(String body) {
        return Arrays.stream(body.replace("\r\n", "\n").split("\n\\s*\n"))
                .map(paragraph -> List.of(paragraph.split("\n")))
                .toList();
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    /** Jakarta Mail would replace the Message-ID on save; ours is what replies will quote back. */
    private static final class FixedMessageIdEmail extends HtmlEmail {
        private final String messageId;

        FixedMessageIdEmail(String messageId) {
            this.messageId = messageId;
        }

        @Override
        protected MimeMessage createMimeMessage(Session session) {
            return new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
        }
    }
}
