package com.example.ats.messaging.email;

import com.example.ats.messaging.conversation.Direction;
import com.example.ats.messaging.conversation.MessageEntity;
import com.example.ats.messaging.conversation.ConversationStore;
import com.example.ats.messaging.db.Transactions;
import com.example.ats.messaging.i18n.Messages;
import com.example.ats.messaging.osgi.BundleClassLoaderScope;
import com.example.ats.messaging.settings.ChannelSettings;
import com.example.ats.messaging.spi.CandidateDirectory;
import com.example.ats.messaging.spi.HostCandidate;
import com.example.ats.messaging.spi.HostUser;
import com.example.ats.messaging.spi.HostUserDirectory;
import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.commons.mail2.core.EmailException;
import org.apache.commons.mail2.jakarta.HtmlEmail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emails a recruiter when a candidate replies: the first reply in a conversation at once, later
 * ones batched into at most one email per conversation and batch window (5 minutes by default),
 * each linking to the chat. A conversation waiting for its email is claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so with several nodes only one sends it.
 */
public final class ReplyNotifications implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyNotifications.class);
    private static final int MAX_REPLIES_SHOWN = 10;
    /** How often waiting notifications are looked for: a first reply is announced within this. */
    private static final Duration POLL = Duration.ofSeconds(1);

    private final Transactions transactions;
    private final ConversationStore conversations;
    private final HostUserDirectory users;
    private final CandidateDirectory candidates;
    private final Supplier<ChannelSettings> settings;
    private final Supplier<URI> hostBaseUrl;
    private final EmailTemplates templates;
    private final Messages messages;
    private final Clock clock;
    private final Thread thread;
    private final Object wakeUp = new Object();
    private volatile boolean running = true;

    public ReplyNotifications(Transactions transactions, ConversationStore conversations, HostUserDirectory users,
                              CandidateDirectory candidates, Supplier<ChannelSettings> settings,
                              Supplier<URI> hostBaseUrl, EmailTemplates templates, Messages messages, Clock clock) {
        this.transactions = transactions;
        this.conversations = conversations;
        this.users = users;
        this.candidates = candidates;
        this.settings = settings;
        this.hostBaseUrl = hostBaseUrl;
        this.templates = templates;
        this.messages = messages;
        this.clock = clock;
        this.thread = new Thread(this::run, "messaging-reply-notifications");
        this.thread.setDaemon(true);
    }

    public ReplyNotifications start() {
        thread.start();
        return this;
    }

    /** A reply arrived: the first one of a conversation is announced without waiting for the next round. */
    public void wake() {
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    private void run() {
        while (running) {
            try {
                sendDue();
                synchronized (wakeUp) {
                    wakeUp.wait(POLL.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) { // a failure while stopping is the stop itself
                    LOG.warn("Sending reply notifications failed, trying again shortly: {}", e.toString());
                }
            }
        }
    }

    private record Due(long conversationId, String recruiterId, String candidateId, Instant previousNotice) {
    }

    /** Sends every notification that is due now; returns how many were sent. */
    public int sendDue() {
        ChannelSettings.Smtp smtp = settings.get().smtp();
        if (!smtp.configured()) {
            return 0;
        }
        int sent = 0;
        for (Due due : claimDue(settings.get().notifyBatch())) {
            if (send(due, smtp)) {
                sent++;
            } else {
                release(due);
            }
        }
        return sent;
    }

    private List<Due> claimDue(Duration window) {
        Instant now = clock.instant();
        return transactions.inTransaction(session -> session.doReturningWork(connection -> {
            List<Due> due = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, recruiter_id, candidate_id, notified_at "
                    + "FROM msg_conversation WHERE notify_pending = TRUE AND (notified_at IS NULL OR notified_at <= ?) "
                    + "ORDER BY id FETCH FIRST 50 ROWS ONLY FOR UPDATE SKIP LOCKED")) {
                select.setObject(1, now.minus(window).atOffset(ZoneOffset.UTC));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        OffsetDateTime previous = rows.getObject(4, OffsetDateTime.class);
                        due.add(new Due(rows.getLong(1), rows.getString(2), rows.getString(3),
                                previous == null ? null : previous.toInstant()));
                    }
                }
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE msg_conversation SET notify_pending = FALSE, notified_at = ? WHERE id = ?")) {
                for (Due d : due) {
                    update.setObject(1, now.atOffset(ZoneOffset.UTC));
                    update.setLong(2, d.conversationId());
                    update.addBatch();
                }
                update.executeBatch();
            }
            return due;
        }));
    }

    /** Sending failed: the conversation waits for the next round again. */
    private void release(Due due) {
        transactions.inTransaction(session -> session.doReturningWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE msg_conversation SET notify_pending = TRUE, notified_at = ? WHERE id = ?")) {
                update.setObject(1, due.previousNotice() == null ? null : due.previousNotice().atOffset(ZoneOffset.UTC));
                update.setLong(2, due.conversationId());
                return update.executeUpdate();
            }
        }));
    }

    private boolean send(Due due, ChannelSettings.Smtp smtp) {
        Optional<HostUser> recruiter = users.get(due.recruiterId());
        if (recruiter.isEmpty() || recruiter.get().email() == null || !HeaderValues.safe(recruiter.get().email())) {
            return true; // nobody to tell; not worth retrying
        }
        HostUser user = recruiter.get();
        List<MessageEntity> replies = conversations.messagesOf(due.conversationId(), null, 50).stream()
                .filter(m -> m.getDirection() == Direction.INBOUND && !m.isAutoReply())
                .filter(m -> due.previousNotice() == null || m.getCreatedAt().isAfter(due.previousNotice()))
                .limit(MAX_REPLIES_SHOWN)
                .toList();
        if (replies.isEmpty()) {
            return true;
        }
        String name = candidates.get(due.candidateId()).map(HostCandidate::name)
                .orElse(messages.text(user.locale(), "messaging.candidate.unknown"));
        URI base = settings.get().publicBaseUrl() != null ? settings.get().publicBaseUrl() : hostBaseUrl.get();
        String link = base + "/candidates/" + due.candidateId() + "#messaging-conversation-" + due.conversationId();
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(user.locale()).withZone(user.timeZone());
        List<Map<String, Object>> shown = new ArrayList<>();
        List<MessageEntity> oldestFirst = new ArrayList<>(replies);
        java.util.Collections.reverse(oldestFirst);
        for (MessageEntity reply : oldestFirst) {
            Map<String, Object> item = new HashMap<>();
            item.put("channel", reply.getChannel().name().equals("SMS") ? "SMS" : "Email");
            item.put("time", time.format(reply.getCreatedAt()));
            item.put("text", reply.getBody());
            item.put("lines", List.of(reply.getBody().split("\\R")));
            shown.add(item);
        }
        String subject = replies.size() == 1 ? messages.text(user.locale(), "messaging.notification.subject", name)
                : messages.text(user.locale(), "messaging.notification.subject.many", name, replies.size());
        Map<String, Object> model = new HashMap<>();
        model.put("lang", user.locale().getLanguage());
        model.put("title", subject);
        model.put("intro", messages.text(user.locale(), "messaging.notification.intro", name));
        model.put("replies", shown);
        model.put("link", link);
        model.put("linkText", messages.text(user.locale(), "messaging.notification.link"));
        try (BundleClassLoaderScope ignored = BundleClassLoaderScope.enter(ReplyNotifications.class)) {
            HtmlEmail email = new HtmlEmail();
            EmailDispatcher.configure(email, smtp);
            email.setFrom(smtp.fromAddress(), smtp.fromName());
            email.addTo(user.email(), user.displayName());
            email.setSubject(subject.replaceAll("[\\r\\n\\x00]", " "));
            email.addHeader("Auto-Submitted", "auto-generated");
            email.setHtmlMsg(templates.html("notification", model));
            email.setTextMsg(templates.text("notification", model));
            email.send();
            return true;
        } catch (EmailException | RuntimeException e) {
            LOG.warn("Could not email {} about a reply in conversation {}: {}", user.username(), due.conversationId(),
                    e.toString());
            return false;
        }
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
