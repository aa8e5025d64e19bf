package com.example.ats.messaging.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.ats.messaging.db.MessagingDatabase;
import com.example.ats.messaging.db.TestDatabases;
import com.example.ats.messaging.db.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The conversation tables through Hibernate, on H2 and on PostgreSQL. */
class ConversationStoreTest {
    private static final Author ALICE = new Author("2", "Alice Recruiter");

    private MessagingDatabase database;
    private ConversationStore store;
    private final TickingClock clock = new TickingClock();

    private void open(String kind) {
        database = TestDatabases.messagingDatabase(kind);
        store = new ConversationStore(new Transactions(database), clock);
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void oneConversationPerRecruiterAndCandidate(String kind) {
        open(kind);
        ConversationStore.Started first = store.findOrCreate("2", "10");
        ConversationStore.Started again = store.findOrCreate("2", "10");
        ConversationStore.Started other = store.findOrCreate("3", "10");

        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.conversation().getId()).isEqualTo(first.conversation().getId());
        assertThat(other.conversation().getId()).isNotEqualTo(first.conversation().getId());
        assertThat(store.unreadFor("2")).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void queuedMessagesWaitAndMoveTheConversationUp(String kind) {
        open(kind);
        long older = store.findOrCreate("2", "10").conversation().getId();
        long newer = store.findOrCreate("2", "11").conversation().getId();

        ConversationStore.Queued queued = store.queueOutbound(older, email("Hello", "Hi Dana"), ALICE, null);

        MessageEntity message = queued.message();
        assertThat(message.getStatus()).isEqualTo(MessageStatus.QUEUED);
        assertThat(message.getDirection()).isEqualTo(Direction.OUTBOUND);
        assertThat(message.getAuthorName()).isEqualTo("Alice Recruiter");
        assertThat(store.recent("2", null, 10)).extracting(r -> r.conversation().getId()).containsExactly(older, newer);
        assertThat(store.recent("2", null, 10).get(0).lastMessage().getId()).isEqualTo(message.getId());
        assertThat(store.recent("2", null, 10).get(1).lastMessage()).isNull();
        assertThat(store.find(older).orElseThrow().getLastMessageId()).isEqualTo(message.getId());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void anIdempotencyKeyReturnsTheFirstMessageAndRefusesADifferentRequest(String kind) {
        open(kind);
        long conversation = store.findOrCreate("2", "10").conversation().getId();
        IdempotencyKey key = new IdempotencyKey("retry-1", "hash-a");

        ConversationStore.Queued first = store.queueOutbound(conversation, email("S", "B"), ALICE, key);
        ConversationStore.Queued retry = store.queueOutbound(conversation, email("S", "B"), ALICE, key);

        assertThat(first.replayed()).isFalse();
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.message().getId()).isEqualTo(first.message().getId());
        assertThat(store.messagesOf(conversation, null, 10)).hasSize(1);
        assertThrows(IdempotencyKeyReusedException.class, () ->
                store.queueOutbound(conversation, email("S", "other"), ALICE, new IdempotencyKey("retry-1", "hash-b")));
        assertThat(store.queueOutbound(conversation, email("S", "B"), new Author("3", "Bob"), key).replayed())
                .as("keys are per recruiter").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void inboundMessagesCountUnreadUntilRead(String kind) {
        open(kind);
        long dana = store.findOrCreate("2", "10").conversation().getId();
        long eli = store.findOrCreate("2", "11").conversation().getId();

        store.recordInbound(dana, sms("twilio:SM1", "Yes!"));
        store.recordInbound(dana, sms("twilio:SM2", "When?"));
        store.recordInbound(eli, sms("twilio:SM3", "Hi"));

        assertThat(store.unreadFor("2")).isEqualTo(3);
        assertThat(store.find(dana).orElseThrow().getUnreadCount()).isEqualTo(2);
        assertThat(store.markRead(dana)).isEqualTo(2);
        assertThat(store.markRead(dana)).isZero();
        assertThat(store.unreadFor("2")).isEqualTo(1);
        assertThat(store.unreadFor("3")).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void theSameProviderIdIsStoredOnce(String kind) {
        open(kind);
        long conversation = store.findOrCreate("2", "10").conversation().getId();

        ConversationStore.Received first = store.recordInbound(conversation, sms("twilio:SMdup", "Yes"));
        ConversationStore.Received again = store.recordInbound(conversation, sms("twilio:SMdup", "Yes"));

        assertThat(first.duplicate()).isFalse();
        assertThat(again.duplicate()).isTrue();
        assertThat(again.message().getId()).isEqualTo(first.message().getId());
        assertThat(store.messagesOf(conversation, null, 10)).hasSize(1);
        assertThat(store.unreadFor("2")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void historyPagesAreStableWhileNewMessagesArrive(String kind) {
        open(kind);
        long conversation = store.findOrCreate("2", "10").conversation().getId();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(store.queueOutbound(conversation, email("S", "m" + i), ALICE, null).message().getId());
        }

        List<MessageEntity> firstPage = store.messagesOf(conversation, null, 2);
        store.recordInbound(conversation, sms("twilio:new", "arrived meanwhile"));
        MessageEntity oldestSeen = firstPage.get(1);
        List<MessageEntity> secondPage = store.messagesOf(conversation,
                new Cursor(oldestSeen.getCreatedAt(), oldestSeen.getId()), 2);
        MessageEntity last = secondPage.get(1);
        List<MessageEntity> thirdPage = store.messagesOf(conversation, new Cursor(last.getCreatedAt(), last.getId()), 2);

        assertThat(firstPage).extracting(MessageEntity::getId).containsExactly(ids.get(4), ids.get(3));
        assertThat(secondPage).extracting(MessageEntity::getId).containsExactly(ids.get(2), ids.get(1));
        assertThat(thirdPage).extracting(MessageEntity::getId).containsExactly(ids.get(0));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void conversationListPagesByLastActivity(String kind) {
        open(kind);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(store.findOrCreate("2", "c" + i).conversation().getId());
        }
        store.recordInbound(ids.get(1), sms("twilio:a", "bump"));

        List<ConversationStore.WithLastMessage> first = store.recent("2", null, 3);
        ConversationEntity edge = first.get(2).conversation();
        List<ConversationStore.WithLastMessage> second =
                store.recent("2", new Cursor(edge.getLastActivityAt(), edge.getId()), 3);

        assertThat(first).extracting(r -> r.conversation().getId()).containsExactly(ids.get(1), ids.get(4), ids.get(3));
        assertThat(second).extracting(r -> r.conversation().getId()).containsExactly(ids.get(2), ids.get(0));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void concurrentRepliesAreCountedExactly(String kind) throws Exception {
        open(kind);
        long dana = store.findOrCreate("2", "10").conversation().getId();
        long eli = store.findOrCreate("2", "11").conversation().getId();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                long target = i % 2 == 0 ? dana : eli;
                String sid = "twilio:SMc" + i;
                work.add(pool.submit(() -> store.recordInbound(target, sms(sid, "x"))));
                if (i % 10 == 9) {
                    work.add(pool.submit(() -> store.markRead(dana)));
                }
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        int danaUnread = store.find(dana).orElseThrow().getUnreadCount();
        int eliUnread = store.find(eli).orElseThrow().getUnreadCount();

        assertThat(eliUnread).isEqualTo(40);
        assertThat(store.unreadFor("2")).isEqualTo(danaUnread + eliUnread);
        store.markRead(dana);
        store.markRead(eli);
        assertThat(store.unreadFor("2")).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aDeletedCandidatesMessagesAreErasedButKept(String kind) {
        open(kind);
        long conversation = store.findOrCreate("2", "10").conversation().getId();
        store.queueOutbound(conversation, email("Offer", "Salary 100k"), ALICE, null);
        store.recordInbound(conversation, sms("twilio:e1", "My address is ..."));

        assertThat(store.eraseCandidate("10")).isEqualTo(2);

        assertThat(store.messagesWith("10", null, 10)).hasSize(2).allSatisfy(m -> {
            assertThat(m.isErased()).isTrue();
            assertThat(m.getBody()).isEmpty();
            assertThat(m.getSubject()).isNull();
        });
        assertThat(store.unreadFor("2")).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aMergedCandidatesConversationsFollowTheSurvivor(String kind) {
        open(kind);
        long aliceWithOld = store.findOrCreate("2", "old").conversation().getId();
        long aliceWithNew = store.findOrCreate("2", "new").conversation().getId();
        long bobWithOld = store.findOrCreate("3", "old").conversation().getId();
        store.recordInbound(aliceWithOld, sms("twilio:m1", "from old"));
        store.recordInbound(aliceWithNew, sms("twilio:m2", "from new"));
        store.recordInbound(bobWithOld, sms("twilio:m3", "to bob"));

        store.mergeCandidate("old", "new");

        assertThat(store.find(aliceWithOld)).isEmpty();
        assertThat(store.find(aliceWithNew).orElseThrow().getUnreadCount()).isEqualTo(2);
        assertThat(store.messagesOf(aliceWithNew, null, 10)).hasSize(2);
        assertThat(store.find(bobWithOld).orElseThrow().getCandidateId()).isEqualTo("new");
        assertThat(store.messagesWith("new", null, 10)).hasSize(3);
        assertThat(store.messagesWith("old", null, 10)).isEmpty();
        assertThat(store.unreadFor("2")).isEqualTo(2);
        assertThat(store.unreadFor("3")).isEqualTo(1);
    }

    private static OutboundMessage email(String subject, String body) {
        return new OutboundMessage(Channel.EMAIL, subject, body);
    }

    private static InboundMessage sms(String providerId, String body) {
        return new InboundMessage(Channel.SMS, providerId, null, body);
    }

    /** Each reading is a millisecond later, so messages get distinct, ordered times. */
    static final class TickingClock extends Clock {
        private final AtomicLong millis = new AtomicLong(Instant.parse("2026-11-27T10:00:00Z").toEpochMilli());

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.addAndGet(1));
        }
    }
}
