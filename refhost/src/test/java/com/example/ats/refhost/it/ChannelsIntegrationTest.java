package com.example.ats.refhost.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.refhost.sandbox.SandboxPluginSettings;
import com.example.ats.refhost.sandbox.TwilioSandbox;
import com.example.ats.refhost.sandbox.TwilioSignature;
import com.example.ats.refhost.testing.HostClient;
import com.example.ats.refhost.testing.RunningHost;
import com.example.ats.refhost.testing.TwilioWebhook;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Email and SMS end to end through the running host and its dev sandbox: the plugin sends through
 * SMTP and the Twilio stand-in, a candidate answers with an ordinary mail client (SMTP to the
 * Reply-To) or by a Twilio-signed webhook, and the reply shows up in the conversation, counted
 * unread, with an email to the recruiter.
 */
class ChannelsIntegrationTest {
    private static final String API = "/rest/messaging/1.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningHost host;
    private static HostClient alice;

    @BeforeAll
    static void start() throws Exception {
        host = RunningHost.start();
        alice = host.client().basic("alice");
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void anEmailGoesOutAndTheCandidatesReplyFromAMailClientComesBack() throws Exception {
        String conversation = conversationWith("Gus Lindqvist");
        JsonNode queued = send(conversation, "EMAIL", "Interview on Tuesday", "Hi Gus,\nwould 10:00 suit you?");
        awaitMessage(conversation, m -> m.get("id").equals(queued.get("id")) && m.get("status").asText().equals("SENT"));

        MimeMessage received = awaitMail("gus.lindqvist@example.com", "Interview on Tuesday");
        String replyTo = ((InternetAddress) received.getReplyTo()[0]).getAddress();
        assertThat(replyTo).matches("replies\\+[a-z2-7]{20}@ats\\.example\\.com");
        assertThat(received.getFrom()[0].toString()).isEqualTo("ATS Recruiting <" + SandboxPluginSettings.FROM_ADDRESS + ">");

        long unreadBefore = unread();
        MimeMessage reply = new MimeMessage(mailSession());
        reply.setFrom(new InternetAddress("gus.lindqvist@example.com", "Gus Lindqvist"));
        reply.setRecipients(Message.RecipientType.TO, replyTo);
        reply.setSubject("Re: Interview on Tuesday");
        reply.setHeader("In-Reply-To", received.getMessageID());
        reply.setHeader("References", received.getMessageID());
        reply.setText("Tuesday at 10 works for me.\n\nOn Mon, Nov 2, 2026 at 4:12 PM ATS Recruiting <" + replyTo
                + "> wrote:\n> Hi Gus,\n> would 10:00 suit you?\n", "UTF-8");
        Instant sentAt = Instant.now();
        Transport.send(reply);

        JsonNode inbound = awaitMessage(conversation, m -> m.get("direction").asText().equals("INBOUND")
                && m.get("channel").asText().equals("EMAIL"));
        Duration visibleAfter = Duration.between(sentAt, Instant.now());
        assertThat(inbound.get("body").asText()).isEqualTo("Tuesday at 10 works for me.");
        assertThat(inbound.get("subject").asText()).isEqualTo("Re: Interview on Tuesday");
        assertThat(inbound.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(inbound.get("channel").asText()).isEqualTo("EMAIL");
        assertThat(unread()).isEqualTo(unreadBefore + 1);
        System.out.println("Email reply visible in the conversation after " + visibleAfter.toMillis() + " ms");

        MimeMessage notice = awaitMail("alice@ats.example.com", "New reply from Gus Lindqvist");
        assertThat(notice.getContent().toString()).isNotEmpty();
    }

    @Test
    void aTextGoesOutIsDeliveredAndTheCandidatesSignedReplyComesBackOnce() throws Exception {
        String conversation = conversationWith("Eli Okafor");
        JsonNode queued = send(conversation, "SMS", "Interview", "Hi Eli, would 10:00 suit you?");
        JsonNode delivered = awaitMessage(conversation,
                m -> m.get("id").equals(queued.get("id")) && m.get("status").asText().equals("DELIVERED"));
        assertThat(delivered.get("channel").asText()).isEqualTo("SMS");

        JsonNode atTwilio = JSON.readTree(host.client().send(host.client().request("/sandbox/twilio/2010-04-01/Accounts/"
                        + TwilioSandbox.ACCOUNT_SID + "/Messages.json?To=%2B447911123456")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (TwilioSandbox.ACCOUNT_SID + ":" + TwilioSandbox.AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)))
                .GET().build()).body()).get("messages");
        assertThat(atTwilio).hasSize(1);
        assertThat(atTwilio.get(0).get("body").asText()).isEqualTo("Hi Eli, would 10:00 suit you?");

        long unreadBefore = unread();
        Map<String, String> text = inboundText("SMinbound0001", "+447911123456", "See you then!");
        HttpResponse<String> accepted = webhook("/webhooks/twilio/sms", text, sign("/webhooks/twilio/sms", text));
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).contains("<Response/>");
        assertThat(accepted.headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
        HttpResponse<String> again = webhook("/webhooks/twilio/sms", text, sign("/webhooks/twilio/sms", text));
        assertThat(again.statusCode()).isEqualTo(200);

        JsonNode reply = awaitMessage(conversation, m -> m.get("direction").asText().equals("INBOUND"));
        assertThat(reply.get("body").asText()).isEqualTo("See you then!");
        assertThat(reply.get("subject").isNull()).isTrue();
        assertThat(messages(conversation).findValues("direction").stream().filter(d -> d.asText().equals("INBOUND")))
                .hasSize(1);
        assertThat(unread()).isEqualTo(unreadBefore + 1);

        // Only a FAILED message can be sent again; unknown ids are 404.
        HttpResponse<String> notFailed = alice.postJson(API + "/conversations/" + conversation + "/messages/"
                + queued.get("id").asText() + "/retry", "", Map.of());
        assertThat(notFailed.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(notFailed.body()).get("error").get("code").asText()).isEqualTo("MESSAGE_NOT_FAILED");
        assertThat(alice.postJson(API + "/conversations/" + conversation + "/messages/999999/retry", "", Map.of())
                .statusCode()).isEqualTo(404);

        // A late "sent" callback never takes back "delivered".
        String sid = atTwilio.get(0).get("sid").asText();
        Map<String, String> late = new LinkedHashMap<>(Map.of("MessageSid", sid, "MessageStatus", "sent",
                "AccountSid", TwilioSandbox.ACCOUNT_SID));
        assertThat(webhook("/webhooks/twilio/status", late, sign("/webhooks/twilio/status", late)).statusCode())
                .isEqualTo(200);
        assertThat(message(conversation, queued.get("id").asText()).get("status").asText()).isEqualTo("DELIVERED");
    }

    @Test
    void unsignedOrWronglySignedWebhooksAreRefusedAndStoreNothing() throws Exception {
        String conversation = conversationWith("Dana Whitfield");
        Map<String, String> text = inboundText("SMforged0001", "+14155550101", "forged");

        HttpResponse<String> missing = webhook("/webhooks/twilio/sms", text, null);
        HttpResponse<String> wrongToken = webhook("/webhooks/twilio/sms", text,
                TwilioSignature.sign("not-the-token", url("/webhooks/twilio/sms"), text));
        HttpResponse<String> wrongUrl = webhook("/webhooks/twilio/sms", text,
                TwilioSignature.sign(TwilioSandbox.AUTH_TOKEN, "https://elsewhere.example.com" + API + "/webhooks/twilio/sms", text));
        Map<String, String> tampered = new LinkedHashMap<>(text);
        tampered.put("Body", "tampered");
        HttpResponse<String> tamperedBody = webhook("/webhooks/twilio/sms", tampered, sign("/webhooks/twilio/sms", text));

        for (HttpResponse<String> refused : java.util.List.of(missing, wrongToken, wrongUrl, tamperedBody)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(JSON.readTree(refused.body()).get("error").get("code").asText()).isEqualTo("INVALID_SIGNATURE");
        }
        assertThat(messages(conversation).toString()).doesNotContain("forged").doesNotContain("tampered");

        // Parameters Twilio adds beyond the documented ones are part of the signature and accepted.
        Map<String, String> extra = new LinkedHashMap<>(inboundText("SMextra0001", "+14155550101", "extra fields"));
        extra.put("FromCountry", "US");
        extra.put("SmsStatus", "received");
        extra.put("ApiVersion", "2010-04-01");
        assertThat(webhook("/webhooks/twilio/sms", extra, sign("/webhooks/twilio/sms", extra)).statusCode()).isEqualTo(200);
    }

    @Test
    void stopAndStartKeywordsChangeSmsEligibilityAtOnce() throws Exception {
        conversationWith("Farah Haddad"); // not opted in: keywords still recorded, eligibility follows the host
        String danaConversation = conversationWith("Dana Whitfield");
        assertThat(smsChannel("Dana Whitfield").get("allowed").asBoolean()).isTrue();

        Map<String, String> stop = inboundText("SMstop0001", "+14155550101", " stop ");
        assertThat(webhook("/webhooks/twilio/sms", stop, sign("/webhooks/twilio/sms", stop)).statusCode()).isEqualTo(200);
        JsonNode refused = smsChannel("Dana Whitfield");
        assertThat(refused.get("allowed").asBoolean()).isFalse();
        assertThat(refused.get("reason").asText()).isEqualTo("OPTED_OUT");
        HttpResponse<String> blocked = alice.postJson(API + "/conversations/" + danaConversation + "/messages",
                "{\"channel\":\"SMS\",\"subject\":\"x\",\"body\":\"still there?\"}", Map.of());
        assertThat(blocked.statusCode()).isEqualTo(422);

        Map<String, String> start = inboundText("SMstart0001", "+14155550101", "START");
        assertThat(webhook("/webhooks/twilio/sms", start, sign("/webhooks/twilio/sms", start)).statusCode()).isEqualTo(200);
        assertThat(smsChannel("Dana Whitfield").get("allowed").asBoolean()).isTrue();

        Map<String, String> help = inboundText("SMhelp0001", "+14155550101", "HELP");
        assertThat(webhook("/webhooks/twilio/sms", help, sign("/webhooks/twilio/sms", help)).statusCode()).isEqualTo(200);
        JsonNode helpReply = awaitMessage(danaConversation, m -> m.get("direction").asText().equals("OUTBOUND")
                && m.get("body").asText().contains("Reply STOP") && m.get("status").asText().equals("DELIVERED"));
        assertThat(helpReply.has("author")).isFalse();
    }

    @Test
    void playingTheCandidateAnswersBothChannelsThroughTheRealPaths() throws Exception {
        String conversation = conversationWith("Hana Sato");
        String hanaId = candidate("Hana Sato").get("id").asText();
        send(conversation, "EMAIL", "Your application", "Hi Hana, thanks for applying.");
        awaitMail("hana.sato@example.com", "Your application");

        HostClient browser = host.client();
        String page = browser.get("/sandbox/candidates/" + hanaId).body();
        assertThat(page).contains("Inbox of Hana Sato").contains("Your application").contains("Hi Hana, thanks for applying.");
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        java.util.regex.Matcher messageId = java.util.regex.Pattern.compile("name=\"messageId\" value=\"([^\"]+)\"")
                .matcher(page);
        assertThat(token.find()).isTrue();
        assertThat(messageId.find()).isTrue();
        String unescapedId = messageId.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&#64;", "@");

        HttpResponse<String> forged = browser.postForm("/sandbox/candidates/" + hanaId + "/email",
                Map.of("csrf", "wrong", "messageId", unescapedId, "body", "forged"));
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> answered = browser.postForm("/sandbox/candidates/" + hanaId + "/email",
                Map.of("csrf", token.group(1), "messageId", unescapedId, "body", "Thank you, happy to talk."));
        assertThat(answered.statusCode()).isEqualTo(303);
        assertThat(answered.headers().firstValue("Location").orElse("")).endsWith("sent=email");

        JsonNode reply = awaitMessage(conversation, m -> m.get("direction").asText().equals("INBOUND"));
        assertThat(reply.get("body").asText()).isEqualTo("Thank you, happy to talk.");
        assertThat(reply.get("subject").asText()).isEqualTo("Re: Your application");
        assertThat(messages(conversation).toString()).doesNotContain("forged");
    }

    @Test
    void playingTheCandidateTextsBackAsASignedTwilioWebhook() throws Exception {
        String conversation = conversationWith("Ivan Petrov");
        String ivanId = candidate("Ivan Petrov").get("id").asText();
        JsonNode queued = send(conversation, "SMS", "Call", "Ivan, can we call tomorrow?");
        awaitMessage(conversation, m -> m.get("id").equals(queued.get("id")) && m.get("status").asText().equals("DELIVERED"));

        HostClient browser = host.client();
        String page = browser.get("/sandbox/candidates/" + ivanId).body();
        assertThat(page).contains("Phone of Ivan Petrov +14155550106").contains("Ivan, can we call tomorrow?");
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        HttpResponse<String> texted = browser.postForm("/sandbox/candidates/" + ivanId + "/sms",
                Map.of("csrf", token.group(1), "body", "Yes, after 2 pm."));
        assertThat(texted.headers().firstValue("Location").orElse("")).endsWith("sent=sms");

        JsonNode reply = awaitMessage(conversation, m -> m.get("direction").asText().equals("INBOUND"));
        assertThat(reply.get("body").asText()).isEqualTo("Yes, after 2 pm.");
        assertThat(reply.get("channel").asText()).isEqualTo("SMS");
    }

    @Test
    void textsFromUnknownNumbersAreKeptForAdministratorsOnly() throws Exception {
        Map<String, String> stranger = inboundText("SMstranger0001", "+13125550188", "Who is this?");
        assertThat(webhook("/webhooks/twilio/sms", stranger, sign("/webhooks/twilio/sms", stranger)).statusCode())
                .isEqualTo(200);

        HttpResponse<String> forAdmin = host.client().basic("admin").get(API + "/admin/unrouted");
        assertThat(forAdmin.statusCode()).isEqualTo(200);
        JsonNode kept = JSON.readTree(forAdmin.body()).get("messages");
        assertThat(kept.findValuesAsText("body")).contains("Who is this?");
        assertThat(kept.findValuesAsText("from")).contains("+13125550188");
        assertThat(alice.get(API + "/admin/unrouted").statusCode()).isEqualTo(403);
    }

    // --- helpers -------------------------------------------------------------------------------

    private static String conversationWith(String name) throws Exception {
        String candidateId = candidate(name).get("id").asText();
        HttpResponse<String> started = alice.postJson(API + "/conversations", "{\"candidateId\":\"" + candidateId + "\"}",
                Map.of());
        assertThat(started.statusCode()).isIn(200, 201);
        return JSON.readTree(started.body()).get("id").asText();
    }

    private static JsonNode candidate(String name) throws Exception {
        return JSON.readTree(alice.get(API + "/candidates?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8)).body())
                .get("candidates").get(0);
    }

    private static JsonNode smsChannel(String name) throws Exception {
        return candidate(name).get("channels").get("sms");
    }

    private static JsonNode send(String conversation, String channel, String subject, String body) throws Exception {
        HttpResponse<String> response = alice.postJson(API + "/conversations/" + conversation + "/messages",
                JSON.writeValueAsString(Map.of("channel", channel, "subject", subject, "body", body)), Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body());
    }

    private static JsonNode messages(String conversation) throws Exception {
        return JSON.readTree(alice.get(API + "/conversations/" + conversation + "/messages?limit=100").body())
                .get("messages");
    }

    private static JsonNode message(String conversation, String id) throws Exception {
        for (JsonNode m : messages(conversation)) {
            if (m.get("id").asText().equals(id)) {
                return m;
            }
        }
        throw new AssertionError("No message " + id);
    }

    private static JsonNode awaitMessage(String conversation, Predicate<JsonNode> condition) throws Exception {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode m : messages(conversation)) {
                if (condition.test(m)) {
                    return m;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No such message in " + messages(conversation));
    }

    private static long unread() throws Exception {
        return JSON.readTree(alice.get(API + "/unread").body()).get("count").asLong();
    }





    private static Session mailSession() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host.config().host());
        properties.put("mail.smtp.port", Integer.toString(host.config().smtpPort()));
        return Session.getInstance(properties);
    }

    /** Waits for a mail with this subject in the sandbox mailbox of the address (password = the address). */
    private static MimeMessage awaitMail(String address, String subject) throws Exception {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            Store store = mailSession().getStore("imap");
            store.connect(host.config().host(), host.config().imapPort(), address, address);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                for (Message message : inbox.getMessages()) {
                    if (subject.equals(message.getSubject())) {
                        MimeMessage copy = new MimeMessage((MimeMessage) message);
                        inbox.close(false);
                        return copy;
                    }
                }
                inbox.close(false);
            } finally {
                store.close();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No mail '" + subject + "' for " + address);
    }
    private static Map<String, String> inboundText(String sid, String from, String body) {
        return TwilioWebhook.inboundText(sid, from, body);
    }

    private static String url(String path) {
        return TwilioWebhook.url(host, path);
    }

    private static String sign(String path, Map<String, String> params) {
        return TwilioWebhook.sign(host, path, params);
    }

    private static HttpResponse<String> webhook(String path, Map<String, String> params, String signature)
            throws Exception {
        return TwilioWebhook.post(host, path, params, signature);
    }
}
