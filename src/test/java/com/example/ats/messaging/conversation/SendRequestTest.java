package com.example.ats.messaging.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.ats.messaging.rest.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SendRequestTest {

    @Test
    void aCompleteRequestBecomesAMessage() {
        OutboundMessage message = new SendRequest("sms", "  Interview  ", "Tomorrow at 10?\nThanks").validate();

        assertThat(message).isEqualTo(new OutboundMessage(Channel.SMS, "Interview", "Tomorrow at 10?\nThanks"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "no channel          | NULL  | S       | B       | 400 | CHANNEL_REQUIRED",
        "unknown channel     | FAX   | S       | B       | 400 | INVALID_CHANNEL",
        "no subject          | EMAIL | NULL    | B       | 400 | SUBJECT_REQUIRED",
        "empty subject       | EMAIL | ''      | B       | 400 | SUBJECT_REQUIRED",
        "blank subject       | SMS   | '   '   | B       | 400 | SUBJECT_REQUIRED",
        "no body             | EMAIL | S       | NULL    | 400 | BODY_REQUIRED",
        "blank body          | EMAIL | S       | ' \t '  | 400 | BODY_REQUIRED",
        "both missing        | EMAIL | NULL    | NULL    | 400 | SUBJECT_REQUIRED",
    })
    void incompleteRequestsAreRefused(String name, String channel, String subject, String body, int status, String code) {
        ApiException refused = assertThrows(ApiException.class, () -> new SendRequest(channel, subject, body).validate());

        assertThat(refused.status()).isEqualTo(status);
        assertThat(refused.code()).isEqualTo(code);
    }

    @Test
    void subjectsAreOneLineOfLimitedLength() {
        assertThat(code(new SendRequest("EMAIL", "Hello\r\nBcc: x@evil.example", "B"))).isEqualTo("SUBJECT_LINE_BREAK");
        assertThat(code(new SendRequest("EMAIL", "x".repeat(256), "B"))).isEqualTo("SUBJECT_TOO_LONG");
        assertThat(new SendRequest("EMAIL", "x".repeat(255), "B").validate().subject()).hasSize(255);
    }

    @Test
    void bodiesFitTheirChannel() {
        assertThat(new SendRequest("SMS", "S", "x".repeat(1600)).validate().body()).hasSize(1600);
        assertThat(code(new SendRequest("SMS", "S", "x".repeat(1601)))).isEqualTo("BODY_TOO_LONG");
        assertThat(new SendRequest("EMAIL", "S", "x".repeat(5000)).validate().body()).hasSize(5000);
    }

    @Test
    void controlCharactersAreRefused() {
        assertThat(code(new SendRequest("EMAIL", "S", "a\u0000b"))).isEqualTo("INVALID_CHARACTERS");
        assertThat(code(new SendRequest("EMAIL", "S\u0007", "b"))).isEqualTo("INVALID_CHARACTERS");
    }

    @Test
    void fingerprintsDifferWhenAnyPartDiffers() {
        OutboundMessage message = new OutboundMessage(Channel.EMAIL, "S", "B");

        assertThat(SendRequest.fingerprint(1, message)).isEqualTo(SendRequest.fingerprint(1, message)).hasSize(64);
        assertThat(SendRequest.fingerprint(1, message)).isNotEqualTo(SendRequest.fingerprint(2, message));
        assertThat(SendRequest.fingerprint(1, message))
                .isNotEqualTo(SendRequest.fingerprint(1, new OutboundMessage(Channel.SMS, "S", "B")));
    }

    private static String code(SendRequest request) {
        return assertThrows(ApiException.class, request::validate).code();
    }
}
