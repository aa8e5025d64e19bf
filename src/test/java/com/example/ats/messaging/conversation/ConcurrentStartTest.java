package com.example.ats.messaging.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.example.ats.messaging.consent.ChannelEligibility;
import com.example.ats.messaging.consent.ConsentStore;
import com.example.ats.messaging.consent.PhoneNumbers;
import com.example.ats.messaging.db.MessagingDatabase;
import com.example.ats.messaging.db.TestDatabases;
import com.example.ats.messaging.db.Transactions;
import com.example.ats.messaging.events.MessagingEvents;
import com.example.ats.messaging.i18n.Messages;
import com.example.ats.messaging.spi.CandidateDirectory;
import com.example.ats.messaging.spi.HostCandidate;
import com.example.ats.messaging.spi.HostPermissions;
import com.example.ats.messaging.spi.HostRole;
import com.example.ats.messaging.spi.HostUser;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A recruiter's first chats started all at once: one conversation per candidate, no error. */
class ConcurrentStartTest {
    private static final HostUser NEW_RECRUITER = new HostUser("77", "nina", "Nina", "nina@ats.example.com",
            HostRole.RECRUITER, Locale.ENGLISH, ZoneId.of("UTC"));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void simultaneousStartsNeitherFailNorDuplicate(String kind) throws Exception {
        MessagingDatabase database = TestDatabases.messagingDatabase(kind);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            Transactions transactions = new Transactions(database);
            ConversationStore store = new ConversationStore(transactions, Clock.systemUTC());
            CandidateDirectory directory = mock(CandidateDirectory.class);
            HostPermissions permissions = mock(HostPermissions.class);
            when(directory.get(anyString())).thenAnswer(call -> Optional.of(
                    new HostCandidate(call.getArgument(0), "Candidate " + call.getArgument(0), "c@example.com", null, true)));
            when(permissions.canView(any(), anyString())).thenReturn(true);
            when(permissions.canContact(any(), anyString())).thenReturn(true);
            ConversationService service = new ConversationService(store, directory, permissions,
                    new ChannelEligibility(new PhoneNumbers("US"), new ConsentStore(transactions, java.time.Clock.systemUTC())),
                    mock(MessagingEvents.class), new Views(Messages.ofPlugin()));

            CountDownLatch go = new CountDownLatch(1);
            List<Future<ConversationService.Opened>> starts = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String candidate = "c" + (i % 5);
                starts.add(pool.submit(() -> {
                    go.await();
                    return service.start(NEW_RECRUITER, Locale.ENGLISH, candidate);
                }));
            }
            go.countDown();
            List<String> ids = new ArrayList<>();
            for (Future<ConversationService.Opened> start : starts) {
                ids.add(start.get().conversation().id());
            }

            assertThat(Set.copyOf(ids)).hasSize(5);
            assertThat(store.recent("77", null, 20)).hasSize(5);
            assertThat(store.unreadFor("77")).isZero();
        } finally {
            pool.shutdown();
            database.close();
        }
    }
}
