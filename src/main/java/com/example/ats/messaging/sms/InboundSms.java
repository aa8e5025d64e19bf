package com.example.ats.messaging.sms;

import com.example.ats.messaging.consent.ConsentStore;
import com.example.ats.messaging.consent.PhoneNumbers;
import com.example.ats.messaging.conversation.Author;
import com.example.ats.messaging.conversation.Channel;
import com.example.ats.messaging.conversation.ConversationEntity;
import com.example.ats.messaging.conversation.ConversationStore;
import com.example.ats.messaging.conversation.InboundMessage;
import com.example.ats.messaging.conversation.OutboundMessage;
import com.example.ats.messaging.events.MessagingEvents;
import com.example.ats.messaging.i18n.Messages;
import com.example.ats.messaging.inbound.UnroutedInbox;
import com.example.ats.messaging.spi.CandidateDirectory;
import com.example.ats.messaging.spi.HostCandidate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A candidate's text, as Twilio delivered it to the webhook: routed to a conversation, stored once
 * per MessageSid, and acted on when it is a keyword (STOP, START, HELP and their synonyms).
 *
 * <p>Routing: the conversation that last texted this number from the number it was sent to (the
 * candidate is answering it); else the candidate with that phone number and their most recent
 * conversation (their last contact); else it is kept in the unrouted inbox for administrators.
 */
public final class InboundSms {
    /** What the webhook got: Twilio's MessageSid, From, To and Body. */
    public record Text(String messageSid, String from, String to, String body) {
    }

    private static final Author AUTOMATIC = new Author(null, null);

    private final ConversationStore conversations;
    private final CandidateDirectory directory;
    private final PhoneNumbers phones;
    private final ConsentStore consent;
    private final UnroutedInbox unrouted;
    private final MessagingEvents events;
    private final Messages messages;
    private final Runnable outboxWake;

    public InboundSms(ConversationStore conversations, CandidateDirectory directory, PhoneNumbers phones,
                      ConsentStore consent, UnroutedInbox unrouted, MessagingEvents events, Messages messages,
                      Runnable outboxWake) {
        this.conversations = conversations;
        this.directory = directory;
        this.phones = phones;
        this.consent = consent;
        this.unrouted = unrouted;
        this.events = events;
        this.messages = messages;
        this.outboxWake = outboxWake;
    }

    public void receive(Text text) {
        String from = phones.toE164(text.from()).orElse(text.from());
        String body = text.body() == null ? "" : text.body();
        InboundMessage inbound = new InboundMessage(Channel.SMS, SmsDispatcher.PROVIDER_PREFIX + text.messageSid(), null,
                body, from, text.to(), false);
        SmsKeyword keyword = SmsKeyword.of(body);
        // The host's candidates by number are looked up only when needed: most replies answer a text we sent.
        Optional<ConversationEntity> conversation = conversations.conversationLastSent(Channel.SMS, from, text.to());
        List<HostCandidate> atNumber = conversation.isPresent() && keyword == SmsKeyword.NONE ? List.of()
                : directory.findByPhone(from);
        if (conversation.isEmpty()) {
            conversation = conversations.latestConversationOfAny(atNumber.stream().map(HostCandidate::id).toList());
        }
        if (conversation.isEmpty()) {
            unrouted.keep(inbound, atNumber.size() == 1 ? atNumber.get(0).id() : null);
            recordConsent(keyword, atNumber.stream().map(HostCandidate::id).toList(), from);
            return;
        }
        ConversationStore.Received received = conversations.recordInbound(conversation.get(), inbound);
        if (received.duplicate()) {
            return;
        }
        events.announce(conversation.get(), received.message());
        List<String> candidates = atNumber.isEmpty() ? List.of(conversation.get().getCandidateId())
                : atNumber.stream().map(HostCandidate::id).toList();
        recordConsent(keyword, candidates, from);
        if (keyword == SmsKeyword.HELP) {
            String help = messages.text(Locale.ENGLISH, "messaging.sms.help");
            conversations.queueOutbound(conversation.get().getId(), new OutboundMessage(Channel.SMS, "HELP", help),
                    AUTOMATIC, null);
            outboxWake.run();
        }
    }

    private void recordConsent(SmsKeyword keyword, List<String> candidateIds, String from) {
        if (keyword != SmsKeyword.OPT_OUT && keyword != SmsKeyword.OPT_IN) {
            return;
        }
        for (String candidateId : candidateIds) {
            consent.recordSms(candidateId, keyword == SmsKeyword.OPT_OUT, ConsentStore.SOURCE_SMS_KEYWORD,
                    "Keyword from " + from);
        }
    }
}
