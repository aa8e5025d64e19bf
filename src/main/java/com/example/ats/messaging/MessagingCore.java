package com.example.ats.messaging;

import com.example.ats.messaging.candidate.CandidateSearch;
import com.example.ats.messaging.consent.ChannelEligibility;
import com.example.ats.messaging.consent.ConsentEventEntity;
import com.example.ats.messaging.consent.ConsentStore;
import com.example.ats.messaging.consent.PhoneNumbers;
import com.example.ats.messaging.consent.SmsConsentEntity;
import com.example.ats.messaging.conversation.ConversationEntity;
import com.example.ats.messaging.conversation.ConversationService;
import com.example.ats.messaging.conversation.ConversationStore;
import com.example.ats.messaging.conversation.IdempotencyKeyEntity;
import com.example.ats.messaging.conversation.MessageEntity;
import com.example.ats.messaging.conversation.RecruiterUnreadEntity;
import com.example.ats.messaging.conversation.Views;
import com.example.ats.messaging.db.MessagingDatabase;
import com.example.ats.messaging.db.Transactions;
import com.example.ats.messaging.events.MessagingEvents;
import com.example.ats.messaging.i18n.Messages;
import com.example.ats.messaging.spi.CandidateDirectory;
import com.example.ats.messaging.spi.HostPermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/**
 * The plugin's composition root: its database, stores and services, built from the host's
 * services. Other components (REST, event handlers, channels) use it.
 */
@Component(service = MessagingCore.class, immediate = true)
public final class MessagingCore {
    /** Every Hibernate entity of the plugin. */
    public static final List<Class<?>> ENTITIES = List.of(ConversationEntity.class, MessageEntity.class,
            IdempotencyKeyEntity.class, RecruiterUnreadEntity.class, SmsConsentEntity.class, ConsentEventEntity.class);

    private final MessagingDatabase database;
    private final ConversationStore conversationStore;
    private final ConsentStore consentStore;
    private final ConversationService conversations;
    private final CandidateSearch candidateSearch;

    @Activate
    public MessagingCore(@Reference(target = "(ats.datasource=plugins)") DataSource dataSource,
                         @Reference CandidateDirectory directory,
                         @Reference HostPermissions permissions,
                         @Reference EventAdmin eventAdmin) {
        // Microsecond ticks: what both databases store, so a value reads back as it was written.
        this(MessagingDatabase.start(dataSource, ENTITIES), directory, permissions, new MessagingEvents(eventAdmin),
                Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000)));
    }

    /** For tests: the same wiring around a given database and clock. */
    public MessagingCore(MessagingDatabase database, CandidateDirectory directory, HostPermissions permissions,
                         MessagingEvents events, Clock clock) {
        this.database = database;
        Transactions transactions = new Transactions(database);
        this.conversationStore = new ConversationStore(transactions, clock);
        this.consentStore = new ConsentStore(transactions);
        ChannelEligibility eligibility = new ChannelEligibility(new PhoneNumbers("US"), consentStore);
        Views views = new Views(Messages.ofPlugin());
        this.conversations = new ConversationService(conversationStore, directory, permissions, eligibility, events,
                views);
        this.candidateSearch = new CandidateSearch(directory, eligibility);
    }

    @Deactivate
    public void close() {
        database.close();
    }

    public ConversationService conversations() {
        return conversations;
    }

    public CandidateSearch candidateSearch() {
        return candidateSearch;
    }

    public ConversationStore conversationStore() {
        return conversationStore;
    }

    public ConsentStore consentStore() {
        return consentStore;
    }

    public MessagingDatabase database() {
        return database;
    }
}
