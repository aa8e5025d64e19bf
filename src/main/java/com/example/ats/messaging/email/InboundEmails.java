package com.example.ats.messaging.email;

import com.example.ats.messaging.conversation.Channel;
import com.example.ats.messaging.conversation.ConversationEntity;
import com.example.ats.messaging.conversation.ConversationStore;
import com.example.ats.messaging.conversation.InboundMessage;
import com.example.ats.messaging.conversation.MessageEntity;
import com.example.ats.messaging.conversation.MessageStatus;
import com.example.ats.messaging.db.Transactions;
import com.example.ats.messaging.events.MessagingEvents;
import com.example.ats.messaging.inbound.UnroutedInbox;
import com.example.ats.messaging.settings.ChannelSettings;
import com.example.ats.messaging.spi.CandidateDirectory;
import com.example.ats.messaging.spi.HostCandidate;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A candidate's email, as the mailbox (or the inbound webhook) delivered it. Routed by the reply
 * token in the address it was sent to, else by In-Reply-To/References against Message-IDs we sent,
 * else by the sender's address; stored once per Message-ID with the quote-free text for the bubble
 * and the raw message beside it. Our own mail is never taken in (no loops); bounces mark the
 * bounced message FAILED; automatic answers are kept without alerting anybody.
 */
public final class InboundEmails {
    /** What became of one inbound email. */
    public enum Outcome { STORED, DUPLICATE, UNROUTED, BOUNCE, OWN_MAIL, UNREADABLE }

    private static final int MAX_RAW = 1_000_000;
    private static final Pattern OUR_MESSAGE_ID = Pattern.compile("<msg-\\d+\\.[0-9a-f]{16}@[^>\\s]+>");
    private static final Pattern DIAGNOSTIC = Pattern.compile("(?im)^Diagnostic-Code:\\s*(?:smtp;\\s*)?(.{1,300})$");
    private static final Pattern STATUS = Pattern.compile("(?im)^Status:\\s*(\\d\\.\\d{1,3}\\.\\d{1,3})");

    private final Supplier<ChannelSettings> settings;
    private final ConversationStore conversations;
    private final CandidateDirectory directory;
    private final UnroutedInbox unrouted;
    private final MessagingEvents events;
    private final Transactions transactions;

    public InboundEmails(Supplier<ChannelSettings> settings, ConversationStore conversations,
                         CandidateDirectory directory, UnroutedInbox unrouted, MessagingEvents events,
                         Transactions transactions) {
        this.settings = settings;
        this.conversations = conversations;
        this.directory = directory;
        this.unrouted = unrouted;
        this.events = events;
        this.transactions = transactions;
    }

    public Outcome receive(byte[] raw) {
        ParsedEmail email;
        String from;
        try {
            email = ParsedEmail.parse(raw);
            from = email.from();
        } catch (MessagingException e) {
            return Outcome.UNREADABLE;
        }
        ChannelSettings.Smtp smtp = settings.get().smtp();
        ReplyAddresses replies = smtp.replyAddress() == null ? null : new ReplyAddresses(smtp.replyAddress());
        if (from == null || from.equalsIgnoreCase(smtp.fromAddress()) || (replies != null && replies.isOurs(from))) {
            return Outcome.OWN_MAIL;
        }
        try {
            if (email.isDeliveryReport()) {
                return bounce(email);
            }
            String text = email.text();
            InboundMessage message = new InboundMessage(Channel.EMAIL,
                    EmailDispatcher.PROVIDER_PREFIX + email.messageId(), email.subject(), ReplyText.visible(text), from,
                    replyAddressOf(email, replies), email.isAutomatic());
            Optional<ConversationEntity> conversation = route(email, replies, from);
            if (conversation.isEmpty()) {
                List<HostCandidate> candidates = directory.findByEmail(from);
                unrouted.keep(message, candidates.size() == 1 ? candidates.get(0).id() : null);
                return Outcome.UNROUTED;
            }
            ConversationStore.Received received = conversations.recordInbound(conversation.get(), message);
            if (received.duplicate()) {
                return Outcome.DUPLICATE;
            }
            keepRaw(received.message().getId(), raw);
            events.announce(conversation.get(), received.message());
            return Outcome.STORED;
        } catch (MessagingException | IOException e) {
            return Outcome.UNREADABLE;
        }
    }

    private Optional<ConversationEntity> route(ParsedEmail email, ReplyAddresses replies, String from)
            throws MessagingException {
        if (replies != null) {
            for (String recipient : email.recipients()) {
                Optional<ConversationEntity> byToken = replies.tokenOf(recipient).flatMap(conversations::byReplyToken);
                if (byToken.isPresent()) {
                    return byToken;
                }
            }
        }
        for (String id : email.referencedIds()) {
            Optional<ConversationEntity> answered = conversations.byProviderId(EmailDispatcher.PROVIDER_PREFIX + id)
                    .flatMap(message -> conversations.find(message.getConversationId()));
            if (answered.isPresent()) {
                return answered;
            }
        }
        return conversations.latestConversationOfAny(directory.findByEmail(from).stream().map(HostCandidate::id).toList());
    }

    private static String replyAddressOf(ParsedEmail email, ReplyAddresses replies) throws MessagingException {
        if (replies != null) {
            for (String recipient : email.recipients()) {
                if (replies.isOurs(recipient)) {
                    return recipient;
                }
            }
        }
        List<String> recipients = email.recipients();
        return recipients.isEmpty() ? null : recipients.get(0);
    }

    /** A delivery report names the message it bounces; that message ends FAILED with the report's reason. */
    private Outcome bounce(ParsedEmail email) {
        String report = email.rawText();
        Matcher ours = OUR_MESSAGE_ID.matcher(report);
        if (!ours.find()) {
            return Outcome.BOUNCE;
        }
        Matcher diagnostic = DIAGNOSTIC.matcher(report);
        Matcher status = STATUS.matcher(report);
        String reason = "The email bounced" + (diagnostic.find() ? ": " + diagnostic.group(1).strip()
                : status.find() ? " (status " + status.group(1) + ")." : ".");
        Optional<MessageEntity> failed = conversations.updateStatus(EmailDispatcher.PROVIDER_PREFIX + ours.group(),
                MessageStatus.FAILED, "BOUNCED", reason);
        failed.ifPresent(message -> conversations.find(message.getConversationId())
                .ifPresent(conversation -> events.announce(conversation, message)));
        return Outcome.BOUNCE;
    }

    private void keepRaw(long messageId, byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        boolean truncated = text.length() > MAX_RAW;
        String kept = truncated ? text.substring(0, MAX_RAW) : text;
        transactions.inTransaction(session -> session.doReturningWork(connection -> {
            try (var statement = connection.prepareStatement(
                    "INSERT INTO msg_inbound_raw (message_id, raw_mime, truncated) VALUES (?, ?, ?)")) {
                statement.setLong(1, messageId);
                statement.setString(2, kept);
                statement.setBoolean(3, truncated);
                return statement.executeUpdate();
            }
        }));
    }
}
