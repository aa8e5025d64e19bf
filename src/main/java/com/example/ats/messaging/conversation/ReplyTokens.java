package com.example.ats.messaging.conversation;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Tokens for conversations' reply addresses ({@code replies+TOKEN@domain}): random, so nobody can
 * guess another conversation's address, and in lower-case base-32 so mail systems that fold case
 * or dislike punctuation keep them intact.
 */
public final class ReplyTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final int LENGTH = 20;

    private ReplyTokens() {
    }

    public static String next() {
        char[] token = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            token[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(token);
    }

    /** Whether text could be a token (checked before any lookup). */
    public static boolean looksLikeToken(String text) {
        return text != null && text.length() == LENGTH && text.toLowerCase(Locale.ROOT).chars()
                .allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '2' && c <= '7'));
    }
}
