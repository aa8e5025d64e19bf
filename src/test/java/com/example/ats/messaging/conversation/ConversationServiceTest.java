package com.example.ats.messaging.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.example.ats.messaging.consent.ChannelEligibility;
import com.example.ats.messaging.consent.ConsentStore;
import com.example.ats.messaging.consent.PhoneNumbers;
import com.example.ats.messaging.events.MessagingEvents;
import com.example.ats.messaging.i18n.Messages;
import com.example.ats.messaging.rest.ApiException;
import com.example.ats.messaging.spi.CandidateDirectory;
import com.example.ats.messaging.spi.HostCandidate;
import com.example.ats.messaging.spi.HostPermissions;
import com.example.ats.messaging.spi.HostRole;
import com.example.ats.messaging.spi.HostUser;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

/** The permission and channel rules of the core, with the store and the host mocked. */
@ExtendWith(MockitoExtension.class)
class ConversationServiceTest {
    private static final HostUser ALICE = new HostUser("2", "alice", "Alice", "alice@ats.example.com",
            HostRole.RECRUITER, Locale.ENGLISH, ZoneId.of("UTC"));
    private static final HostUser BOB = new HostUser("3", "bob", "Bob", "bob@ats.example.com",
            HostRole.RECRUITER, Locale.ENGLISH, ZoneId.of("UTC"));
    private static final HostCandidate FARAH = new HostCandidate("3", "Farah Haddad", "farah@example.com",
            "+14155550103", false);

    @Mock
    private ConversationStore store;
    @Mock
    private CandidateDirectory directory;
    @Mock
    private HostPermissions permissions;
    @Mock
    private ConsentStore consent;
    @Mock
    private MessagingEvents events;

    private ConversationService service;
    private ConversationEntity alicesConversation;

    @BeforeEach
    void setUp() {
        ChannelEligibility eligibility = new ChannelEligibility(new PhoneNumbers("US"), consent);
        service = new ConversationService(store, directory, permissions, eligibility, events,
                new Views(Messages.ofPlugin()));
        alicesConversation = ConversationEntity.withId(7, "2", "3", Instant.parse("2026-11-27T10:00:00Z"));
        lenient().when(store.find(7L)).thenReturn(Optional.of(alicesConversation));
    }

    @Test
    void someoneElsesConversationIsNotFound() {
        ApiException refused = assertThrows(ApiException.class, () -> service.messages(BOB, Locale.ENGLISH, "7", null, null));

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.code()).isEqualTo("CONVERSATION_NOT_FOUND");
        verifyNoInteractions(permissions);
    }

    @Test
    void malformedIdsAreNotFound() {
        assertThat(assertThrows(ApiException.class, () -> service.markRead(ALICE, "7 OR 1=1")).status()).isEqualTo(404);
        assertThat(assertThrows(ApiException.class, () -> service.markRead(ALICE, "99999999999999999999")).status())
                .isEqualTo(404);
    }

    @Test
    void aCandidateTheRecruiterMayNoLongerSeeIsForbidden() {
        when(permissions.canView(ALICE, "3")).thenReturn(false);

        ApiException refused = assertThrows(ApiException.class, () -> service.markRead(ALICE, "7"));

        assertThat(refused.status()).isEqualTo(403);
        verify(store, never()).markRead(anyLong());
    }

    @Test
    void smsToACandidateWithoutOptInIsRefusedWithTheReasonAndNothingIsStored() {
        when(permissions.canView(ALICE, "3")).thenReturn(true);
        when(permissions.canContact(ALICE, "3")).thenReturn(true);
        when(directory.get("3")).thenReturn(Optional.of(FARAH));

        ApiException refused = assertThrows(ApiException.class, () ->
                service.send(ALICE, Locale.ENGLISH, "7", new SendRequest("SMS", "Hi", "Hello"), null));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("SMS_NOT_ALLOWED");
        assertThat(refused.reason()).isEqualTo("NOT_OPTED_IN");
        verify(store, never()).queueOutbound(anyLong(), any(), any(), any());
        verifyNoInteractions(events);
    }

    @Test
    void invalidInputIsRefusedBeforeAnythingElse() {
        when(permissions.canView(ALICE, "3")).thenReturn(true);

        ApiException refused = assertThrows(ApiException.class, () ->
                service.send(ALICE, Locale.ENGLISH, "7", new SendRequest("EMAIL", " ", "Hello"), null));

        assertThat(refused.code()).isEqualTo("SUBJECT_REQUIRED");
        verifyNoInteractions(directory);
    }

    @Test
    void idempotencyKeysMustBeVisibleAscii() {
        when(permissions.canView(ALICE, "3")).thenReturn(true);

        ApiException refused = assertThrows(ApiException.class, () ->
                service.send(ALICE, Locale.ENGLISH, "7", new SendRequest("EMAIL", "S", "B"), "two words"));

        assertThat(refused.code()).isEqualTo("INVALID_IDEMPOTENCY_KEY");
    }

    @Test
    void startingNeedsAVisibleCandidate() {
        when(directory.get("6")).thenReturn(Optional.of(new HostCandidate("6", "Ivan Petrov", "ivan@example.com", null, true)));
        when(permissions.canView(BOB, "6")).thenReturn(false);

        assertThat(assertThrows(ApiException.class, () -> service.start(BOB, Locale.ENGLISH, "6")).status()).isEqualTo(403);
        assertThat(assertThrows(ApiException.class, () -> service.start(BOB, Locale.ENGLISH, " ")).code())
                .isEqualTo("CANDIDATE_REQUIRED");
        assertThat(assertThrows(ApiException.class, () -> service.start(BOB, Locale.ENGLISH, "404")).code())
                .isEqualTo("CANDIDATE_NOT_FOUND");
        verify(store, never()).findOrCreate(any(), any());
    }
}
