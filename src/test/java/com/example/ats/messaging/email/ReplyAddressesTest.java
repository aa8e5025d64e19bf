package com.example.ats.messaging.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyAddressesTest {
    private final ReplyAddresses replies = new ReplyAddresses("replies@ATS.example.com");

    @Test
    void eachConversationGetsAPlusAddressOfTheOneMailbox() {
        assertThat(replies.forToken("abcdefghijklmnopqrst")).isEqualTo("replies+abcdefghijklmnopqrst@ats.example.com");
        assertThat(replies.tokenOf("Replies+ABCDEFGHIJKLMNOPQRST@ats.example.com")).contains("abcdefghijklmnopqrst");
    }

    @Test
    void foreignOrMalformedAddressesCarryNoToken() {
        assertThat(replies.tokenOf("replies+abcdefghijklmnopqrst@evil.example.com")).isEmpty();
        assertThat(replies.tokenOf("other+abcdefghijklmnopqrst@ats.example.com")).isEmpty();
        assertThat(replies.tokenOf("replies+short@ats.example.com")).isEmpty();
        assertThat(replies.tokenOf("replies+abcdefghijklmnopqr01@ats.example.com")).as("0 and 1 are not base32").isEmpty();
        assertThat(replies.tokenOf(null)).isEmpty();
    }

    @Test
    void knowsItsOwnAddressesToAvoidMailLoops() {
        assertThat(replies.isOurs("replies@ats.example.com")).isTrue();
        assertThat(replies.isOurs("REPLIES+anything@ats.example.com")).isTrue();
        assertThat(replies.isOurs("repliesx@ats.example.com")).isFalse();
        assertThat(replies.isOurs("dana@example.com")).isFalse();
    }
}
