package com.example.ats.messaging.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.messaging.conversation.Channel;
import com.example.ats.messaging.conversation.MessageEntity;
import com.example.ats.messaging.conversation.MessageStatus;
import com.example.ats.messaging.outbox.OutboxWorker;
import com.example.ats.messaging.outbox.RetryPolicy;
import com.example.ats.messaging.testing.MessagingRig;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox sending SMS with the real Twilio SDK against a local HTTP peer (WireMock) that answers
 * like Twilio, including its failures.
 */
class SmsOutboxTest {
    private static final String ACCOUNT = "AC00000000000000000000000000000000";
    private static final String CREATE = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";
    private static final OutboxWorker.Settings FAST = new OutboxWorker.Settings(Duration.ofSeconds(30),
            Duration.ofMillis(20), 4, new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(400), new Random(1)));

    private final WireMockServer twilio = new WireMockServer(wireMockConfig().dynamicPort());
    private MessagingRig rig;

    @BeforeEach
    void start() {
        twilio.start();
        rig = new MessagingRig("h2", Map.of("twilio.account.sid", ACCOUNT, "twilio.auth.token", "secret-token",
                "twilio.from", "+15005550006", "twilio.api.base", twilio.baseUrl(), "twilio.timeout.seconds", "1",
                "public.base.url", "https://ats.example.com/"));
    }

    @AfterEach
    void stop() {
        rig.close();
        twilio.stop();
    }

    @Test
    void aTextLeavesWithItsBodyOnlyAndAStatusCallback() {
        twilio.stubFor(post(CREATE).willReturn(created("SM0001", "Would 10:00 suit you?")));
        MessageEntity queued = queueToDana("Would 10:00 suit you?");
        rig.core.startOutbox(FAST);

        MessageEntity sent = rig.awaitStatus(queued.getId(), MessageStatus.SENT);

        assertThat(sent.getProviderId()).isEqualTo("twilio:SM0001");
        assertThat(sent.getToAddress()).isEqualTo("+14155550101");
        assertThat(sent.getFromAddress()).isEqualTo("+15005550006");
        twilio.verify(1, postRequestedFor(urlPathEqualTo(CREATE))
                .withRequestBody(containing("To=%2B14155550101"))
                .withRequestBody(containing("From=%2B15005550006"))
                .withRequestBody(containing("Body=Would+10%3A00+suit+you%3F"))
                .withRequestBody(containing("StatusCallback=https%3A%2F%2Fats.example.com%2Frest%2Fmessaging%2F1.0%2Fwebhooks%2Ftwilio%2Fstatus"))
                .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials(ACCOUNT, "secret-token")));
        assertThat(twilio.getAllServeEvents().get(0).getRequest().getBodyAsString()).doesNotContain("Subject");
    }

    @Test
    void twilioFailingThenRecoveringSendsExactlyOnce() {
        twilio.stubFor(post(CREATE).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(twilioError(503, 20500, "Internal error")).willSetStateTo("throttled"));
        twilio.stubFor(post(CREATE).inScenario("flaky").whenScenarioStateIs("throttled")
                .willReturn(twilioError(429, 20429, "Too Many Requests")).willSetStateTo("up"));
        twilio.stubFor(post(CREATE).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(created("SM0002", "Hello")));
        MessageEntity queued = queueToDana("Hello");
        rig.core.startOutbox(FAST);

        MessageEntity sent = rig.awaitStatus(queued.getId(), MessageStatus.SENT);

        assertThat(sent.getProviderId()).isEqualTo("twilio:SM0002");
        assertThat(sent.getErrorCode()).isNull();
        // The SDK itself retries a 5xx a few times before giving up, so count only successful creates.
        assertThat(twilio.getAllServeEvents().stream().filter(e -> e.getResponse().getStatus() == 201)).hasSize(1);
    }

    @Test
    void error21610FailsTheMessageAndRecordsTheOptOut() {
        twilio.stubFor(post(CREATE).willReturn(twilioError(400, 21610, "Attempt to send to unsubscribed recipient")));
        MessageEntity queued = queueToDana("Hello");
        rig.core.startOutbox(FAST);

        MessageEntity failed = rig.awaitStatus(queued.getId(), MessageStatus.FAILED);

        assertThat(failed.getErrorCode()).isEqualTo("OPTED_OUT");
        assertThat(rig.core.consentStore().isOptedOut(MessagingRig.DANA.id())).isTrue();
        assertThat(rig.core.consentStore().trail(MessagingRig.DANA.id()))
                .extracting(e -> e.getChange() + "/" + e.getSource()).containsExactly("OPTED_OUT/TWILIO_21610");
    }

    @Test
    void aPermanentRefusalFailsAtOnceWithTwiliosReason() {
        twilio.stubFor(post(CREATE).willReturn(twilioError(400, 21211, "The 'To' number is not a valid phone number.")));
        MessageEntity queued = queueToDana("Hello");
        rig.core.startOutbox(FAST);

        MessageEntity failed = rig.awaitStatus(queued.getId(), MessageStatus.FAILED);

        assertThat(failed.getAttempts()).isEqualTo(1);
        assertThat(failed.getErrorCode()).isEqualTo("TWILIO_REFUSED");
        assertThat(failed.getErrorMessage()).contains("21211").contains("not a valid phone number");
    }

    @Test
    void aFailedTextSentAgainByItsRecruiterLeavesOnceTwilioTakesIt() {
        twilio.stubFor(post(CREATE).inScenario("refused").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(twilioError(400, 21408, "Permission to send an SMS has not been enabled for the region"))
                .willSetStateTo("enabled"));
        twilio.stubFor(post(CREATE).inScenario("refused").whenScenarioStateIs("enabled")
                .willReturn(created("SM0005", "Hello")));
        MessageEntity queued = queueToDana("Hello");
        rig.core.startOutbox(FAST);
        rig.awaitStatus(queued.getId(), MessageStatus.FAILED);

        org.mockito.Mockito.when(rig.permissions.canView(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any()))
                .thenReturn(true);
        org.mockito.Mockito.when(rig.permissions.canContact(org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.any())).thenReturn(true);
        com.example.ats.messaging.spi.HostUser alice = rig.recruiters.get(MessagingRig.ALICE.id());
        var retried = rig.core.conversations().retry(alice, java.util.Locale.ENGLISH,
                queued.getConversationId().toString(), queued.getId().toString());

        assertThat(retried.status()).isEqualTo(MessageStatus.QUEUED);
        MessageEntity sent = rig.awaitStatus(queued.getId(), MessageStatus.SENT);
        assertThat(sent.getProviderId()).isEqualTo("twilio:SM0005");
        assertThat(sent.getAttempts()).isEqualTo(1);
        var again = org.junit.jupiter.api.Assertions.assertThrows(com.example.ats.messaging.rest.ApiException.class,
                () -> rig.core.conversations().retry(alice, java.util.Locale.ENGLISH,
                        queued.getConversationId().toString(), queued.getId().toString()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("MESSAGE_NOT_FAILED");
    }

    @Test
    void aTimedOutCreateThatTwilioDidTakeIsFoundNotResent() {
        twilio.stubFor(post(CREATE).willReturn(created("SM0003", "Hello").withFixedDelay(2_500)));
        twilio.stubFor(get(urlPathEqualTo(CREATE)).willReturn(okJson(page(
                message("SM0003", "Hello", "+14155550101")))));
        MessageEntity queued = queueToDana("Hello");
        rig.core.startOutbox(FAST);

        MessageEntity sent = rig.awaitStatus(queued.getId(), MessageStatus.SENT);

        assertThat(sent.getProviderId()).isEqualTo("twilio:SM0003");
        twilio.verify(1, postRequestedFor(urlPathEqualTo(CREATE)));
    }

    @Test
    void aTimedOutCreateThatTwilioDidNotTakeIsSentAgain() {
        twilio.stubFor(post(CREATE).inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withFixedDelay(2_500)).willSetStateTo("fast"));
        twilio.stubFor(post(CREATE).inScenario("slow").whenScenarioStateIs("fast")
                .willReturn(created("SM0004", "Hello")));
        twilio.stubFor(get(urlPathEqualTo(CREATE)).willReturn(okJson(page())));
        MessageEntity queued = queueToDana("Hello");
        rig.core.startOutbox(FAST);

        MessageEntity sent = rig.awaitStatus(queued.getId(), MessageStatus.SENT);

        assertThat(sent.getProviderId()).isEqualTo("twilio:SM0004");
    }

    @Test
    void aCandidateWhoOptedOutAfterQueueingIsNotTexted() {
        MessageEntity queued = queueToDana("Hello");
        rig.core.consentStore().recordSms(MessagingRig.DANA.id(), true, "SMS_KEYWORD", "test");
        rig.core.startOutbox(FAST);

        MessageEntity failed = rig.awaitStatus(queued.getId(), MessageStatus.FAILED);

        assertThat(failed.getErrorCode()).isEqualTo("SMS_NOT_ALLOWED");
        assertThat(twilio.getAllServeEvents()).isEmpty();
    }

    private MessageEntity queueToDana(String body) {
        long conversation = rig.conversationWith(MessagingRig.DANA);
        return rig.queue(conversation, Channel.SMS, "Interview", body);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created(String sid, String body) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody(message(sid, body, "+14155550101"));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder twilioError(int status, int code,
                                                                                                String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":" + code + ",\"message\":\"" + message + "\",\"more_info\":\"https://www.twilio.com/docs/errors/"
                        + code + "\",\"status\":" + status + "}");
    }

    private static String message(String sid, String body, String to) {
        return "{\"sid\":\"" + sid + "\",\"account_sid\":\"" + ACCOUNT + "\",\"from\":\"+15005550006\",\"to\":\"" + to
                + "\",\"body\":\"" + body + "\",\"status\":\"queued\",\"num_segments\":\"1\",\"direction\":\"outbound-api\"}";
    }

    private static String page(String... messages) {
        return "{\"messages\":[" + String.join(",", messages) + "],\"end\":0,\"first_page_uri\":\"" + CREATE
                + "?PageSize=50&Page=0\",\"next_page_uri\":null,\"page\":0,\"page_size\":50,\"previous_page_uri\":null,"
                + "\"start\":0,\"uri\":\"" + CREATE + "\"}";
    }
}
