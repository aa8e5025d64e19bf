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
import com.example.ats.messaging.email.EmailDispatcher;
import com.example.ats.messaging.email.EmailTemplates;
import com.example.ats.messaging.email.InboundEmails;
import com.example.ats.messaging.email.MailboxPoller;
import com.example.ats.messaging.email.ReplyNotifications;
import com.example.ats.messaging.events.MessagingEvents;
import com.example.ats.messaging.health.ChannelHealth;
import com.example.ats.messaging.health.HealthReport;
import com.example.ats.messaging.i18n.Messages;
import com.example.ats.messaging.inbound.UnroutedInboundEntity;
import com.example.ats.messaging.inbound.UnroutedInbox;
import com.example.ats.messaging.outbox.ChannelDispatcher;
import com.example.ats.messaging.outbox.FailedMessages;
import com.example.ats.messaging.outbox.OutboxStore;
import com.example.ats.messaging.outbox.OutboxWorker;
import com.example.ats.messaging.settings.ChannelSettings;
import com.example.ats.messaging.settings.SettingKeys;
import com.example.ats.messaging.settings.SettingsService;
import com.example.ats.messaging.settings.SettingsStore;
import com.example.ats.messaging.sms.InboundSms;
import com.example.ats.messaging.sms.SmsDispatcher;
import com.example.ats.messaging.sms.SmsStatusCallbacks;
import com.example.ats.messaging.sms.TwilioSignatures;
import com.example.ats.messaging.spi.CandidateDirectory;
import com.example.ats.messaging.spi.HostEnvironment;
import com.example.ats.messaging.spi.HostPermissions;
import com.example.ats.messaging.spi.HostUserDirectory;
import com.example.ats.messaging.stream.Heartbeats;
import com.example.ats.messaging.stream.StreamHub;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/**
 * The plugin's composition root: its database, stores and services, built from the host's
 * services. Other components (REST, event handlers, channels) use it.
 */
@Component(service = MessagingCore.class, immediate = true, configurationPid = ChannelSettings.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class MessagingCore {
    /** Every Hibernate entity of the plugin. */
    public static final List<Class<?>> ENTITIES = List.of(ConversationEntity.class, MessageEntity.class,
            IdempotencyKeyEntity.class, RecruiterUnreadEntity.class, SmsConsentEntity.class, ConsentEventEntity.class,
            UnroutedInboundEntity.class);

    private final MessagingDatabase database;
    private final ConversationStore conversationStore;
    private final ConsentStore consentStore;
    private final ConversationService conversations;
    private final CandidateSearch candidateSearch;
    private final SettingsService settingsService;
    private final OutboxStore outboxStore;
    private final List<ChannelDispatcher> dispatchers;
    private final CandidateDirectory directory;
    private final MessagingEvents events;
    private final Clock clock;
    private final UnroutedInbox unrouted;
    private final HostPermissions permissions;
    private final StreamHub streamHub;
    private final EmailDispatcher emailDispatcher;
    private final SmsDispatcher smsDispatcher;
    private final ChannelHealth channelHealth;
    private final Heartbeats heartbeats = new Heartbeats(25);
    private final InboundSms inboundSms;
    private final SmsStatusCallbacks smsStatusCallbacks;
    private final TwilioSignatures twilioSignatures;
    private final InboundEmails inboundEmails;
    private final ReplyNotifications notifications;
    private final FailedMessages failedMessages;
    private final Messages messages;
    private boolean notificationsStarted;
    private boolean closed;
    private OutboxWorker outbox;
    private MailboxPoller mailbox;

    /**
     * Named references, so a host's configuration can retarget them (e.g. {@code dataSource.target}
     * to give the plugin another database).
     */
    @Activate
    public MessagingCore(@Reference(name = "dataSource", target = "(ats.datasource=plugins)") DataSource dataSource,
                         @Reference(name = "candidateDirectory") CandidateDirectory directory,
                         @Reference(name = "permissions") HostPermissions permissions,
                         @Reference(name = "eventAdmin") EventAdmin eventAdmin,
                         @Reference(name = "users") HostUserDirectory users,
                         @Reference(name = "environment") HostEnvironment environment,
                         Map<String, Object> configuration) {
        // Microsecond ticks: what both databases store, so a value reads back as it was written.
        this(MessagingDatabase.start(dataSource, ENTITIES, Duration.ofSeconds(5)), directory, permissions, new MessagingEvents(eventAdmin),
                Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000)), configuration, users, environment::baseUrl);
        settingsService.startRefreshing();
        // Senders start once administrators' saved settings are read (with the database), so nothing
        // leaves with the host's defaults by mistake; if that takes over a minute, they start anyway.
        settingsService.firstLoad().completeOnTimeout(null, 60, java.util.concurrent.TimeUnit.SECONDS)
                .thenRun(() -> {
                    startOutbox(OutboxWorker.Settings.standard());
                    startMailbox();
                    startNotifications();
                });
    }

    /** New settings take effect at once: every send reads the current ones. */
    @Modified
    public void configure(Map<String, Object> configuration) {
        settingsService.configure(configuration);
    }

    /** For tests: the same wiring around a given database and clock. */
    public MessagingCore(MessagingDatabase database, CandidateDirectory directory, HostPermissions permissions,
                         MessagingEvents events, Clock clock, Map<String, ?> configuration, HostUserDirectory users,
                         Supplier<URI> hostBaseUrl) {
        this.database = database;
        this.directory = directory;
        this.events = events;
        this.clock = clock;

        Transactions transactions = new Transactions(database);
        this.channelHealth = new ChannelHealth(clock);
        PhoneNumbers phones = new PhoneNumbers("US");
        this.settingsService = new SettingsService(new SettingsStore(transactions, clock), new SettingKeys(phones),
                configuration);
        this.conversationStore = new ConversationStore(transactions, clock);
        this.streamHub = new StreamHub(conversationStore::unreadFor);
        events.streamTo(streamHub);
        this.consentStore = new ConsentStore(transactions, clock);
        ChannelEligibility eligibility = new ChannelEligibility(phones, consentStore);
        Views views = new Views(Messages.ofPlugin());
        this.conversations = new ConversationService(conversationStore, directory, permissions, eligibility, events,
                views, this::wakeOutbox);
        this.candidateSearch = new CandidateSearch(directory, eligibility, permissions);
        this.outboxStore = new OutboxStore(transactions, clock);
        Messages messages = Messages.ofPlugin();
        this.messages = messages;
        this.failedMessages = new FailedMessages(conversationStore, conversations, directory, views, messages);
        EmailTemplates templates = new EmailTemplates();
        this.emailDispatcher = new EmailDispatcher(settingsService::current, templates, messages);
        this.smsDispatcher = new SmsDispatcher(settingsService::current, phones, eligibility, consentStore,
                outboxStore::isKnownProviderId, OutboxWorker.Settings.standard().concurrency());
        this.dispatchers = List.of(emailDispatcher, smsDispatcher);
        this.unrouted = new UnroutedInbox(transactions, clock);
        this.permissions = permissions;
        this.inboundSms = new InboundSms(conversationStore, directory, phones, consentStore, unrouted, events, messages,
                this::wakeOutbox);
        this.smsStatusCallbacks = new SmsStatusCallbacks(conversationStore, consentStore, events);
        this.twilioSignatures = new TwilioSignatures(clock);
        this.notifications = new ReplyNotifications(transactions, conversationStore, users, directory, settingsService::current,
                hostBaseUrl, templates, messages, clock);
        this.inboundEmails = new InboundEmails(settingsService::current, conversationStore, directory, unrouted, events,
                transactions);
    }

    /** Starts sending queued messages (components do at activation; tests when they want to). */
    public synchronized void startOutbox(OutboxWorker.Settings workerSettings) {
        if (outbox == null && !closed) {
            outbox = new OutboxWorker(outboxStore, dispatchers, directory, events, clock, workerSettings, channelHealth)
                    .start();
        }
    }

    /** Starts reading the reply mailbox (when one is configured). */
    public synchronized void startMailbox() {
        if (mailbox == null && !closed) {
            mailbox = new MailboxPoller(settingsService::current, inboundEmails, clock).start();
        }
    }

    /** Starts emailing recruiters about replies. */
    public synchronized void startNotifications() {
        if (!notificationsStarted && !closed) {
            notifications.start();
            notificationsStarted = true;
        }
    }

    /** Each channel's recent state, the outbox, the mailbox and webhook signatures, for administrators. */
    public HealthReport health(Locale locale) {
        OutboxStore.Depth depth = outboxStore.depth();
        MailboxPoller poller;
        synchronized (this) {
            poller = mailbox;
        }
        java.time.Instant now = clock.instant();
        return new HealthReport(channelHealth.of(com.example.ats.messaging.conversation.Channel.EMAIL),
                channelHealth.of(com.example.ats.messaging.conversation.Channel.SMS),
                poller == null ? null : poller.lastPoll(), poller == null ? null : poller.lastError(),
                twilioSignatures.failuresLastHour(), depth.queued(),
                depth.oldestQueuedAt() == null ? null : java.time.Duration.between(depth.oldestQueuedAt(), now).toSeconds(),
                outboxStore.failedSince(now.truncatedTo(java.time.temporal.ChronoUnit.DAYS)), streamHub.connections(),
                problem(locale).orElse(null));
    }

    /**
     * Why the plugin cannot work right now, for administrators (plugins page, health): a database
     * it cannot prepare, or settings from the host's configuration it cannot use.
     */
    public Optional<String> problem(Locale locale) {
        Optional<String> databaseProblem = database.problem();
        if (databaseProblem.isPresent()) {
            return Optional.of(messages.text(locale, "messaging.status.database", databaseProblem.get()));
        }
        Map<String, String> settingsProblems = settingsService.problems();
        if (!settingsProblems.isEmpty()) {
            StringBuilder list = new StringBuilder();
            settingsProblems.forEach((key, problem) -> list.append(list.length() == 0 ? "" : "; ")
                    .append(key).append(": ").append(problem));
            return Optional.of(messages.text(locale, "messaging.status.settings", list));
        }
        return Optional.empty();
    }

    public EmailDispatcher emailDispatcher() {
        return emailDispatcher;
    }

    public SmsDispatcher smsDispatcher() {
        return smsDispatcher;
    }

    public StreamHub streamHub() {
        return streamHub;
    }

    public Heartbeats heartbeats() {
        return heartbeats;
    }

    @Deactivate
    public synchronized void close() {
        closed = true;
        heartbeats.close();
        settingsService.close();
        notifications.close();
        if (mailbox != null) {
            mailbox.close();
            mailbox = null;
        }
        if (outbox != null) {
            outbox.close();
            outbox = null;
        }
        dispatchers.forEach(ChannelDispatcher::close);
        database.close();
    }

    /** Something was queued: the outbox should look now (no-op until it runs). */
    public synchronized void wakeOutbox() {
        if (outbox != null) {
            outbox.wake();
        }
    }

    public FailedMessages failedMessages() {
        return failedMessages;
    }

    public ReplyNotifications notifications() {
        return notifications;
    }

    public InboundEmails inboundEmails() {
        return inboundEmails;
    }

    public InboundSms inboundSms() {
        return inboundSms;
    }

    public SmsStatusCallbacks smsStatusCallbacks() {
        return smsStatusCallbacks;
    }

    public TwilioSignatures twilioSignatures() {
        return twilioSignatures;
    }

    public HostPermissions permissions() {
        return permissions;
    }

    public UnroutedInbox unrouted() {
        return unrouted;
    }

    public ChannelSettings settings() {
        return settingsService.current();
    }

    public SettingsService settingsService() {
        return settingsService;
    }

    public OutboxStore outboxStore() {
        return outboxStore;
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
