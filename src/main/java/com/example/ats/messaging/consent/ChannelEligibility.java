package com.example.ats.messaging.consent;

import com.example.ats.messaging.conversation.Channel;
import com.example.ats.messaging.spi.HostCandidate;
import java.util.Collection;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which channels may reach a candidate: email when they have an address; SMS only with a phone
 * libphonenumber accepts, the host's opt-in, and no opt-out. Checked for search results and again
 * when a message is queued.
 */
public final class ChannelEligibility {
    public static final String NO_EMAIL = "NO_EMAIL";
    public static final String NO_PHONE = "NO_PHONE";
    public static final String INVALID_PHONE = "INVALID_PHONE";
    public static final String NOT_OPTED_IN = "NOT_OPTED_IN";
    public static final String OPTED_OUT = "OPTED_OUT";

    private final PhoneNumbers phones;
    private final ConsentStore consent;

    public ChannelEligibility(PhoneNumbers phones, ConsentStore consent) {
        this.phones = phones;
        this.consent = consent;
    }

    /** Both channels of a candidate. */
    public record Channels(Availability email, Availability sms) {
        public Availability of(Channel channel) {
            return channel == Channel.EMAIL ? email : sms;
        }
    }

    public Channels of(HostCandidate candidate) {
        return of(candidate, consent::isOptedOut);
    }

    /** Channels of several candidates with one look-up of opt-outs. */
    public java.util.Map<String, Channels> of(Collection<HostCandidate> candidates) {
        Set<String> optedOut = consent.optedOut(candidates.stream().map(HostCandidate::id).toList());
        java.util.Map<String, Channels> result = new java.util.LinkedHashMap<>();
        for (HostCandidate candidate : candidates) {
            result.put(candidate.id(), of(candidate, optedOut::contains));
        }
        return result;
    }

    private Channels of(HostCandidate candidate, Predicate<String> optedOut) {
        Availability email = candidate.emailAddress().isPresent() ? Availability.ALLOWED : Availability.refused(NO_EMAIL);
        return new Channels(email, sms(candidate, optedOut));
    }

    private Availability sms(HostCandidate candidate, Predicate<String> optedOut) {
        if (candidate.phoneNumber().isEmpty()) {
            return Availability.refused(NO_PHONE);
        }
        if (phones.toE164(candidate.phone()).isEmpty()) {
            return Availability.refused(INVALID_PHONE);
        }
        if (!candidate.smsOptIn()) {
            return Availability.refused(NOT_OPTED_IN);
        }
        if (optedOut.test(candidate.id())) {
            return Availability.refused(OPTED_OUT);
        }
        return Availability.ALLOWED;
    }
}
