package com.example.ats.refhost.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.refhost.testing.HostClient;
import com.example.ats.refhost.testing.RunningHost;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET/PUT /admin/settings} through the running host: admins only, secrets write-only, effect without restart. */
class SettingsIntegrationTest {
    private static final String API = "/rest/messaging/1.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningHost host;
    private static HostClient admin;

    @BeforeAll
    static void start() throws Exception {
        host = RunningHost.start();
        admin = host.client().basic("admin");
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void administratorsSeeTheSandboxSettingsWithoutTheirSecrets() throws Exception {
        HttpResponse<String> response = admin.get(API + "/admin/settings");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("settings").get("twilio.account.sid").asText()).isEqualTo("AC00000000000000000000000000000000");
        assertThat(body.get("settings").get("public.base.url").asText()).isEqualTo(host.baseUrl().toString());
        assertThat(body.get("secrets").get("twilio.auth.token").asBoolean()).isTrue();
        assertThat(body.get("settings").has("twilio.auth.token")).isFalse();
        assertThat(response.body()).doesNotContain("sandbox-auth-token");
    }

    @Test
    void nobodyElseMaySeeOrChangeThem() throws Exception {
        assertThat(host.client().basic("alice").get(API + "/admin/settings").statusCode()).isEqualTo(403);
        assertThat(host.client().basic("carol").get(API + "/admin/settings").statusCode()).isEqualTo(403);
        assertThat(host.client().get(API + "/admin/settings").statusCode()).isEqualTo(401);
        assertThat(put(host.client().basic("alice"), "{\"settings\":{\"email.from.name\":\"Hacked\"}}").statusCode())
                .isEqualTo(403);
    }

    @Test
    void invalidValuesComeBackPerFieldAndNothingChanges() throws Exception {
        HttpResponse<String> refused = put(admin,
                "{\"settings\":{\"smtp.port\":\"0\",\"email.from.address\":\"nope\",\"email.from.name\":\"Fine\"}}");
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(refused.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("INVALID_SETTINGS");
        assertThat(error.get("fields").get("smtp.port").asText()).contains("1 to 65535");
        assertThat(error.get("fields").has("email.from.address")).isTrue();
        assertThat(JSON.readTree(admin.get(API + "/admin/settings").body()).get("settings").get("email.from.name").asText())
                .isEqualTo("ATS Recruiting");
    }

    @Test
    void aSavedChangeAppliesToTheNextEmailWithoutARestart() throws Exception {
        assertThat(put(admin, "{\"settings\":{\"email.from.name\":\"Acme Careers\"}}").statusCode()).isEqualTo(200);

        HostClient alice = host.client().basic("alice");
        String candidateId = JSON.readTree(alice.get(API + "/candidates?q=Farah").body()).get("candidates").get(0)
                .get("id").asText();
        String conversation = JSON.readTree(alice.postJson(API + "/conversations",
                "{\"candidateId\":\"" + candidateId + "\"}", Map.of()).body()).get("id").asText();
        assertThat(alice.postJson(API + "/conversations/" + conversation + "/messages",
                "{\"channel\":\"EMAIL\",\"subject\":\"Settings check\",\"body\":\"Hello\"}", Map.of()).statusCode())
                .isEqualTo(202);

        assertThat(fromOfMail("farah.haddad@example.com", "Settings check")).isEqualTo("Acme Careers <talent@ats.example.com>");
    }

    @Test
    void healthShowsWhatTheChannelsDidForAdministratorsOnly() throws Exception {
        HostClient alice = host.client().basic("alice");
        String candidateId = JSON.readTree(alice.get(API + "/candidates?q=Gus").body()).get("candidates").get(0)
                .get("id").asText();
        String conversation = JSON.readTree(alice.postJson(API + "/conversations",
                "{\"candidateId\":\"" + candidateId + "\"}", Map.of()).body()).get("id").asText();
        alice.postJson(API + "/conversations/" + conversation + "/messages",
                "{\"channel\":\"EMAIL\",\"subject\":\"Health check\",\"body\":\"Hello\"}", Map.of());
        fromOfMail("gus.lindqvist@example.com", "Health check");
        long failuresBefore = JSON.readTree(admin.get(API + "/admin/health").body())
                .get("webhookSignatureFailuresLastHour").asLong();
        HttpResponse<String> forged = host.client().send(HttpRequest.newBuilder(
                        host.baseUrl().resolve(API + "/webhooks/twilio/sms"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Twilio-Signature", "forged")
                .POST(HttpRequest.BodyPublishers.ofString("MessageSid=SMx&From=%2B1415&Body=x")).build());
        assertThat(forged.statusCode()).isEqualTo(403);

        JsonNode health = JSON.readTree(admin.get(API + "/admin/health").body());
        assertThat(health.get("email").get("lastSuccessAt").isNull()).isFalse();
        assertThat(health.get("webhookSignatureFailuresLastHour").asLong()).isEqualTo(failuresBefore + 1);
        assertThat(health.get("outboxDepth").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(health.has("failedToday")).isTrue();
        assertThat(health.get("mailboxLastPollAt").isNull()).isFalse();
        assertThat(alice.get(API + "/admin/health").statusCode()).isEqualTo(403);
    }

    @Test
    void testButtonsReportSuccessOrTheProvidersErrorInWords() throws Exception {
        JsonNode email = JSON.readTree(admin.postJson(API + "/admin/settings/test-email",
                "{\"to\":\"admin@ats.example.com\"}", Map.of()).body());
        assertThat(email.get("ok").asBoolean()).isTrue();
        assertThat(fromOfMail("admin@ats.example.com", "Test email from the ATS messaging plugin")).contains("talent@ats.example.com");
        assertThat(admin.postJson(API + "/admin/settings/test-email", "{\"to\":\"not an address\"}", Map.of())
                .statusCode()).isEqualTo(400);

        JsonNode sms = JSON.readTree(admin.postJson(API + "/admin/settings/test-sms", "{\"to\":\"+14155550199\"}",
                Map.of()).body());
        assertThat(sms.get("ok").asBoolean()).isTrue();

        assertThat(put(admin, "{\"settings\":{\"twilio.auth.token\":\"wrong-token\"}}").statusCode()).isEqualTo(200);
        try {
            JsonNode refused = JSON.readTree(admin.postJson(API + "/admin/settings/test-sms",
                    "{\"to\":\"+14155550199\"}", Map.of()).body());
            assertThat(refused.get("ok").asBoolean()).isFalse();
            assertThat(refused.get("code").asText()).isEqualTo("TWILIO_AUTH_FAILED");
            assertThat(refused.get("message").asText()).isEqualTo("Twilio refused the account credentials.");
        } finally {
            assertThat(put(admin, "{\"settings\":{\"twilio.auth.token\":\"\"}}").statusCode()).isEqualTo(200);
        }
        assertThat(host.client().basic("alice").postJson(API + "/admin/settings/test-email",
                "{\"to\":\"alice@ats.example.com\"}", Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    void secretsNeverReachTheLog() throws Exception {
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        // slf4j-simple writes to whatever System.err is at the time: the host's and the plugin's logs.
        System.setErr(new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                captured.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                original.write(bytes, offset, length);
                captured.write(bytes, offset, length);
            }
        }, true));
        try {
            org.slf4j.LoggerFactory.getLogger(SettingsIntegrationTest.class).warn("log capture is on");
            assertThat(put(admin, "{\"settings\":{\"smtp.password\":\"Leak-Me-Smtp-1\",\"twilio.auth.token\":\"Leak-Me-Twilio-2\","
                    + "\"smtp.port\":\"nope\"}}").statusCode()).isEqualTo(400);
            assertThat(put(admin, "{\"settings\":{\"twilio.auth.token\":\"Leak-Me-Twilio-2\"}}").statusCode()).isEqualTo(200);
            JsonNode refused = JSON.readTree(admin.postJson(API + "/admin/settings/test-sms", "{\"to\":\"+14155550199\"}",
                    Map.of()).body());
            assertThat(refused.get("ok").asBoolean()).isFalse();
            assertThat(refused.toString()).doesNotContain("Leak-Me");
        } finally {
            assertThat(put(admin, "{\"settings\":{\"twilio.auth.token\":\"\"}}").statusCode()).isEqualTo(200);
            System.setErr(original);
        }
        assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("log capture is on")
                .doesNotContain("Leak-Me");
    }

    private static HttpResponse<String> put(HostClient client, String json) throws Exception {
        return client.send(client.request(API + "/admin/settings").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static String fromOfMail(String address, String subject) throws Exception {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            Store store = Session.getInstance(new Properties()).getStore("imap");
            store.connect(host.config().host(), host.config().imapPort(), address, address);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                for (Message message : inbox.getMessages()) {
                    if (subject.equals(message.getSubject())) {
                        return message.getFrom()[0].toString();
                    }
                }
                inbox.close(false);
            } finally {
                store.close();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No mail " + subject);
    }
}
