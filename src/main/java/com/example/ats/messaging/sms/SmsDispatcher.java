package com.example.ats.messaging.sms;

import com.example.ats.messaging.consent.Availability;
import com.example.ats.messaging.consent.ChannelEligibility;
import com.example.ats.messaging.consent.ConsentStore;
import com.example.ats.messaging.consent.PhoneNumbers;
import com.example.ats.messaging.conversation.Channel;
import com.example.ats.messaging.osgi.BundleClassLoaderScope;
import com.example.ats.messaging.outbox.ChannelDispatcher;
import com.example.ats.messaging.outbox.OutboundEnvelope;
import com.example.ats.messaging.outbox.Reconciliation;
import com.example.ats.messaging.outbox.SendOutcome;
import com.example.ats.messaging.settings.ChannelSettings;
import com.twilio.base.ResourceSet;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.rest.api.v2010.account.MessageReader;
import com.twilio.type.PhoneNumber;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Sends recruiters' messages as SMS with the Twilio Java SDK: the body only (the subject stays in
 * the chat), from the configured sender number or Messaging Service, with a status callback to
 * the plugin's webhook. Eligibility is checked again at send time: a candidate may have opted out
 * since the message was queued.
 */
public final class SmsDispatcher implements ChannelDispatcher {
    public static final String PROVIDER_PREFIX = "twilio:";
    public static final String STATUS_CALLBACK_PATH = "/rest/messaging/1.0/webhooks/twilio/status";
    /** How far back reconciliation looks for a message Twilio may have created without our knowing. */
    private static final Duration RECONCILE_LOOKBACK = Duration.ofHours(6);

    private final Supplier<ChannelSettings> settings;
    private final PhoneNumbers phones;
    private final ChannelEligibility eligibility;
    private final ConsentStore consent;
    private final Predicate<String> knownProviderId;
    private final TwilioClients clients;
    private final SenderPacing pacing;

    public SmsDispatcher(Supplier<ChannelSettings> settings, PhoneNumbers phones, ChannelEligibility eligibility,
                         ConsentStore consent, Predicate<String> knownProviderId, int maxConnections) {
        this.settings = settings;
        this.phones = phones;
        this.eligibility = eligibility;
        this.consent = consent;
        this.knownProviderId = knownProviderId;
        this.clients = new TwilioClients(maxConnections);
        this.pacing = new SenderPacing(() -> settings.get().twilio().messagesPerSecond());
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public SendOutcome send(OutboundEnvelope envelope) {
        ChannelSettings current = settings.get();
        ChannelSettings.Twilio twilio = current.twilio();
        if (!twilio.configured()) {
            return new SendOutcome.TryLater("SMS_NOT_CONFIGURED", "SMS is not configured (Twilio account, token and sender).");
        }
        Availability allowed = eligibility.of(envelope.candidate()).sms();
        if (!allowed.allowed()) {
            return new SendOutcome.Failed("SMS_NOT_ALLOWED", "Texting this candidate is not allowed: " + allowed.reason());
        }
        String to = phones.toE164(envelope.candidate().phone()).orElseThrow();
        String sender = twilio.fromNumber() != null ? twilio.fromNumber() : twilio.messagingServiceSid();
        try (BundleClassLoaderScope ignored = BundleClassLoaderScope.enter(SmsDispatcher.class)) {
            pacing.awaitTurn(sender);
            MessageCreator creator = twilio.fromNumber() != null
                    ? Message.creator(twilio.accountSid(), new PhoneNumber(to), new PhoneNumber(twilio.fromNumber()),
                            envelope.body())
                    : Message.creator(twilio.accountSid(), new PhoneNumber(to), twilio.messagingServiceSid(),
                            envelope.body());
            if (current.publicBaseUrl() != null) {
                creator.setStatusCallback(URI.create(current.publicBaseUrl() + STATUS_CALLBACK_PATH));
            }
            Message created = creator.create(clients.clientFor(twilio));
            String from = created.getFrom() == null ? twilio.fromNumber() : created.getFrom().toString();
            return new SendOutcome.Sent(PROVIDER_PREFIX + created.getSid(), from, to);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendOutcome.TryLater("INTERRUPTED", "The plugin stopped before sending.");
        } catch (RuntimeException e) {
            SendOutcome outcome = TwilioFailures.classify(e);
            if (outcome instanceof SendOutcome.Failed failed && "OPTED_OUT".equals(failed.code())) {
                consent.recordSms(envelope.candidate().id(), true, ConsentStore.SOURCE_CARRIER,
                        "Twilio error 21610 sending message " + envelope.messageId());
            }
            return outcome;
        }
    }

    /** An administrator's test text to a number, with the settings in effect: Twilio's answer, in words. */
    public SendOutcome sendTest(String number) {
        ChannelSettings.Twilio twilio = settings.get().twilio();
        if (!twilio.configured()) {
            return new SendOutcome.Failed("SMS_NOT_CONFIGURED", "SMS is not configured (Twilio account, token and sender).");
        }
        String to = phones.toE164(number).orElse(null);
        if (to == null) {
            return new SendOutcome.Failed("INVALID_PHONE", "Not a valid phone number: " + number);
        }
        try (BundleClassLoaderScope ignored = BundleClassLoaderScope.enter(SmsDispatcher.class)) {
            String body = "Test text from the ATS messaging plugin: SMS settings work.";
            MessageCreator creator = twilio.fromNumber() != null
                    ? Message.creator(twilio.accountSid(), new PhoneNumber(to), new PhoneNumber(twilio.fromNumber()), body)
                    : Message.creator(twilio.accountSid(), new PhoneNumber(to), twilio.messagingServiceSid(), body);
            Message created = creator.create(clients.clientFor(twilio));
            return new SendOutcome.Sent(PROVIDER_PREFIX + created.getSid(), twilio.fromNumber(), to);
        } catch (RuntimeException e) {
            return TwilioFailures.classify(e);
        }
    }

    /**
     * Twilio keeps every message: look for one to this number from our sender with this body that
     * no other message of ours already claims. Found: it was sent. Not found: safe to send again.
     */
    @Override
    public Reconciliation reconcile(OutboundEnvelope envelope) {
        ChannelSettings.Twilio twilio = settings.get().twilio();
        if (!twilio.configured()) {
            return new Reconciliation.AskLater("SMS is not configured.");
        }
        String to = phones.toE164(envelope.candidate().phone()).orElse(null);
        if (to == null) {
            return new Reconciliation.WasNotSent();
        }
        try (BundleClassLoaderScope ignored = BundleClassLoaderScope.enter(SmsDispatcher.class)) {
            TwilioRestClient client = clients.clientFor(twilio);
            MessageReader reader = Message.reader(twilio.accountSid()).setTo(new PhoneNumber(to));
            if (twilio.fromNumber() != null) {
                reader.setFrom(new PhoneNumber(twilio.fromNumber()));
            }
            ResourceSet<Message> recent = reader.pageSize(50).limit(50).read(client);
            Instant since = envelope.attemptStartedAt().minus(RECONCILE_LOOKBACK);
            for (Message message : recent) {
                boolean recentEnough = message.getDateCreated() == null
                        || message.getDateCreated().toInstant().isAfter(since);
                if (recentEnough && envelope.body().equals(message.getBody())
                        && !knownProviderId.test(PROVIDER_PREFIX + message.getSid())) {
                    String from = message.getFrom() == null ? twilio.fromNumber() : message.getFrom().toString();
                    return new Reconciliation.WasSent(new SendOutcome.Sent(PROVIDER_PREFIX + message.getSid(), from, to));
                }
            }
            return new Reconciliation.WasNotSent();
        } catch (RuntimeException e) {
            return new Reconciliation.AskLater("Twilio could not be asked: " + e.getMessage());
        }
    }
}
