package com.example.ats.messaging.testing;

import static org.mockito.Mockito.mock;

import com.example.ats.messaging.MessagingCore;
import com.example.ats.messaging.conversation.Author;
import com.example.ats.messaging.conversation.Channel;
import com.example.ats.messaging.conversation.MessageEntity;
import com.example.ats.messaging.conversation.MessageStatus;
import com.example.ats.messaging.conversation.OutboundMessage;
import com.example.ats.messaging.db.TestDatabases;
import com.example.ats.messaging.events.MessagingEvents;
import com.example.ats.messaging.spi.HostCandidate;
import com.example.ats.messaging.spi.HostPermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import org.osgi.service.event.EventAdmin;

/**
 * The plugin's core on a real database (H2 or PostgreSQL) with in-memory candidates and the
 * given channel settings: what component tests of the channels start from.
 */
public final class MessagingRig implements AutoCloseable {
    public static final Author ALICE = new Author("2", "Alice Recruiter");
    public static final HostCandidate DANA = new HostCandidate("10", "Dana Whitfield", "dana.whitfield@example.com",
            "+14155550101", true);

    public final InMemoryCandidates candidates = new InMemoryCandidates().put(DANA);
    public final EventAdmin eventAdmin = mock(EventAdmin.class);
    public final HostPermissions permissions = mock(HostPermissions.class);
    public final java.util.Map<String, com.example.ats.messaging.spi.HostUser> recruiters =
            new java.util.concurrent.ConcurrentHashMap<>(java.util.Map.of(ALICE.id(), new com.example.ats.messaging.spi.HostUser(
                    ALICE.id(), "alice", ALICE.name(), "alice@ats.example.com", com.example.ats.messaging.spi.HostRole.RECRUITER,
                    java.util.Locale.ENGLISH, java.time.ZoneId.of("Europe/Berlin"))));
    private final com.example.ats.messaging.spi.HostUserDirectory users = id -> java.util.Optional.ofNullable(recruiters.get(id));
    public final MessagingCore core;

    public MessagingRig(String databaseKind, Map<String, Object> settings) {
        this(TestDatabases.dataSource(databaseKind), settings);
    }

    /** On a given database: two rigs one after the other on the same one play a restarted host. */
    public MessagingRig(javax.sql.DataSource dataSource, Map<String, Object> settings) {
        core = new MessagingCore(com.example.ats.messaging.db.MessagingDatabase.openNow(dataSource, MessagingCore.ENTITIES),
                candidates, permissions,
                new MessagingEvents(eventAdmin), Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000)),
                settings, users, () -> java.net.URI.create("http://127.0.0.1:8080"));
        core.settingsService().reload();
    }

    public long conversationWith(HostCandidate candidate) {
        candidates.put(candidate);
        return core.conversationStore().findOrCreate(ALICE.id(), candidate.id()).conversation().getId();
    }

    public MessageEntity queue(long conversationId, Channel channel, String subject, String body) {
        return core.conversationStore().queueOutbound(conversationId, new OutboundMessage(channel, subject, body),
                ALICE, null).message();
    }

    public MessageEntity message(long id) {
        return core.conversationStore().message(id).orElseThrow();
    }

    /** Waits (up to the timeout) until the message satisfies the condition; returns it. */
    public MessageEntity awaitMessage(long id, Predicate<MessageEntity> condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        MessageEntity message = message(id);
        while (!condition.test(message)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Message " + id + " still " + message.getStatus() + " ("
                        + message.getErrorCode() + " " + message.getErrorMessage() + ") after " + timeout);
            }
            sleep(20);
            message = message(id);
        }
        return message;
    }

    public MessageEntity awaitStatus(long id, MessageStatus status) {
        return awaitMessage(id, m -> m.getStatus() == status, Duration.ofSeconds(10));
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        core.close();
    }
}
