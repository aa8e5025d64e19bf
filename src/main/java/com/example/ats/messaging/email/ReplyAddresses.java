package com.example.ats.messaging.email;

import com.example.ats.messaging.conversation.ReplyTokens;
import java.util.Locale;
import java.util.Optional;

/**
 * Plus-addresses of the reply mailbox: {@code replies@ats.example.com} becomes
 * {@code replies+TOKEN@ats.example.com} for one conversation. Mail systems deliver all of them to
 * the one mailbox, and the token says which conversation an answer belongs to.
 */
public final class ReplyAddresses {
    private final String local;
    private final String domain;

    public ReplyAddresses(String replyMailbox) {
        int at = replyMailbox.lastIndexOf('@');
        if (at <= 0 || at == replyMailbox.length() - 1) {
            throw new IllegalArgumentException("Not an email address: " + replyMailbox);
        }
        this.local = replyMailbox.substring(0, at);
        this.domain = replyMailbox.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    public String forToken(String token) {
        return local + "+" + token + "@" + domain;
    }

    public String domain() {
        return domain;
    }

    /** The token in an address of this mailbox, if it is one of its plus-addresses. */
    public Optional<String> tokenOf(String address) {
        if (address == null) {
            return Optional.empty();
        }
        int at = address.lastIndexOf('@');
        if (at < 0 || !address.substring(at + 1).equalsIgnoreCase(domain)) {
            return Optional.empty();
        }
        String localPart = address.substring(0, at);
        String prefix = local + "+";
        if (!localPart.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return Optional.empty();
        }
        String token = localPart.substring(prefix.length()).toLowerCase(Locale.ROOT);
        return ReplyTokens.looksLikeToken(token) ? Optional.of(token) : Optional.empty();
    }

    /** Whether the address is the mailbox itself or one of its plus-addresses (mail from us). */
    public boolean isOurs(String address) {
        if (address == null) {
            return false;
        }
        int at = address.lastIndexOf('@');
        if (at < 0 || !address.substring(at + 1).equalsIgnoreCase(domain)) {
            return false;
        }
        String localPart = address.substring(0, at);
        return localPart.equalsIgnoreCase(local) || localPart.regionMatches(true, 0, local + "+", 0, local.length() + 1);
    }
}
