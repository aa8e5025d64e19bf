package com.example.ats.refhost.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.refhost.testing.HostClient;
import com.example.ats.refhost.testing.RunningHost;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/** CONTRACT §3 through the running host in Felix: every endpoint, error code and demo user. */
class MessagingApiIntegrationTest {
    private static final String API = "/rest/messaging/1.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningHost host;
    private static Map<String, String> ids;

    @BeforeAll
    static void start() throws Exception {
        host = RunningHost.start();
        HostClient alice = host.client().basic("alice");
        ids = new java.util.HashMap<>();
        for (String name : List.of("Dana Whitfield", "Eli Okafor", "Farah Haddad", "Gus Lindqvist", "Hana Sato",
                "Ivan Petrov", "Carol Candidate")) {
            JsonNode found = json(alice.get(API + "/candidates?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8)));
            ids.put(name.split(" ")[0], found.get("candidates").get(0).get("id").asText());
        }
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void searchReportsChannelEligibilityAsTheContractSays() throws Exception {
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        for (JsonNode c : json(host.client().basic("alice").get(API + "/candidates?limit=50")).get("candidates")) {
            byName.put(c.get("name").asText(), c);
        }

        assertThat(byName).as("other tests delete and merge some").hasSizeGreaterThan(30);
        JsonNode dana = byName.get("Dana Whitfield");
        assertThat(dana.get("email").asText()).isEqualTo("dana.whitfield@example.com");
        assertThat(dana.get("phone").asText()).isEqualTo("+14155550101");
        assertThat(dana.at("/channels/sms/allowed").asBoolean()).isTrue();
        assertThat(dana.at("/channels/sms/reason").isMissingNode()).isTrue();
        assertThat(dana.at("/channels/email/allowed").asBoolean()).isTrue();
        assertThat(byName.get("Eli Okafor").at("/channels/sms/allowed").asBoolean()).isTrue();
        assertThat(byName.get("Farah Haddad").at("/channels/sms/reason").asText()).isEqualTo("NOT_OPTED_IN");
        assertThat(byName.get("Gus Lindqvist").at("/channels/sms/reason").asText()).isEqualTo("NO_PHONE");
        assertThat(byName.get("Gus Lindqvist").get("phone").isNull()).isTrue();
        assertThat(byName.get("Hana Sato").at("/channels/sms/reason").asText()).isEqualTo("INVALID_PHONE");
        assertThat(byName).containsKey("Ivan Petrov");

        JsonNode bobs = json(host.client().basic("bob").get(API + "/candidates?q=Petrov"));
        assertThat(bobs.get("candidates")).isEmpty();
        assertThat(host.client().basic("alice").get(API + "/candidates?limit=0").statusCode()).isEqualTo(400);
        assertThat(host.client().basic("carol").get(API + "/candidates?q=a").statusCode()).isEqualTo(403);
        assertThat(host.client().get(API + "/candidates?q=a").statusCode()).isEqualTo(401);
    }

    @Test
    void startingAConversationCreatesOnceThenReturnsIt() throws Exception {
        HostClient bob = host.client().basic("bob");
        HttpResponse<String> created = bob.postJson(API + "/conversations", start(ids.get("Eli")), Map.of());
        HttpResponse<String> again = bob.postJson(API + "/conversations", start(ids.get("Eli")), Map.of());

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        JsonNode conversation = json(created);
        assertThat(json(again).get("id").asText()).isEqualTo(conversation.get("id").asText());
        assertThat(conversation.at("/candidate/id").asText()).isEqualTo(ids.get("Eli"));
        assertThat(conversation.at("/candidate/name").asText()).isEqualTo("Eli Okafor");
        assertThat(conversation.get("unread").asInt()).isZero();
        assertThat(conversation.get("lastMessage").isNull()).isTrue();
        assertThat(conversation.get("updatedAt").asText()).endsWith("Z");

        assertError(bob.postJson(API + "/conversations", start(ids.get("Ivan")), Map.of()), 403, "FORBIDDEN");
        assertError(bob.postJson(API + "/conversations", start("999999"), Map.of()), 404, "CANDIDATE_NOT_FOUND");
        assertError(bob.postJson(API + "/conversations", "{}", Map.of()), 400, "CANDIDATE_REQUIRED");
        assertError(bob.postJson(API + "/conversations", "{not json", Map.of()), 400, "INVALID_JSON");
        assertError(host.client().basic("carol").postJson(API + "/conversations", start(ids.get("Carol")), Map.of()),
                403, "FORBIDDEN");
        assertError(host.client().postJson(API + "/conversations", start(ids.get("Eli")), Map.of()), 401,
                "NOT_AUTHENTICATED");
    }

    @Test
    void cookieAuthenticatedWritesNeedTheCsrfToken() throws Exception {
        HostClient alice = host.client().login("alice");

        assertError(alice.postJson(API + "/conversations", start(ids.get("Gus")), Map.of()), 403, "CSRF_TOKEN_INVALID");
        assertError(alice.postJson(API + "/conversations", start(ids.get("Gus")), Map.of("X-CSRF-Token", "forged")),
                403, "CSRF_TOKEN_INVALID");
        String token = alice.csrfToken("/dashboard");
        HttpResponse<String> created = alice.postJson(API + "/conversations", start(ids.get("Gus")),
                Map.of("X-CSRF-Token", token));
        assertThat(created.statusCode()).isIn(200, 201);
        assertThat(alice.get(API + "/conversations").statusCode()).as("reads need no token").isEqualTo(200);
    }

    @Test
    void messagesAreQueuedAndRefusedAsTheContractSays() throws Exception {
        HostClient alice = host.client().basic("alice");
        String dana = conversation(alice, "Dana");

        HttpResponse<String> queued = alice.postJson(API + "/conversations/" + dana + "/messages",
                message("EMAIL", "Interview", "Hi Dana,\nare you free on Tuesday?"), Map.of());
        assertThat(queued.statusCode()).isEqualTo(202);
        JsonNode message = json(queued);
        assertThat(message.get("conversationId").asText()).isEqualTo(dana);
        assertThat(message.get("candidateId").asText()).isEqualTo(ids.get("Dana"));
        assertThat(message.get("direction").asText()).isEqualTo("OUTBOUND");
        assertThat(message.get("channel").asText()).isEqualTo("EMAIL");
        assertThat(message.get("subject").asText()).isEqualTo("Interview");
        assertThat(message.get("body").asText()).isEqualTo("Hi Dana,\nare you free on Tuesday?");
        assertThat(message.get("status").asText()).isEqualTo("QUEUED");
        assertThat(message.at("/author/name").asText()).isEqualTo("Alice Recruiter");
        assertThat(message.has("error")).isFalse();
        int stored = messagesIn(alice, dana).size();

        String path = API + "/conversations/" + dana + "/messages";
        assertError(alice.postJson(path, message("EMAIL", "   ", "Body"), Map.of()), 400, "SUBJECT_REQUIRED");
        assertError(alice.postJson(path, "{\"channel\":\"SMS\",\"body\":\"Body\"}", Map.of()), 400, "SUBJECT_REQUIRED");
        assertError(alice.postJson(path, message("SMS", "Subject", " \n "), Map.of()), 400, "BODY_REQUIRED");
        assertError(alice.postJson(path, message("PIGEON", "Subject", "Body"), Map.of()), 400, "INVALID_CHANNEL");
        assertError(alice.postJson(path, message("EMAIL", "Line\nbreak", "Body"), Map.of()), 400, "SUBJECT_LINE_BREAK");
        assertError(alice.postJson(path, message("SMS", "S", "x".repeat(1601)), Map.of()), 400, "BODY_TOO_LONG");
        assertThat(messagesIn(alice, dana)).as("nothing stored for refused requests").hasSize(stored);

        HttpResponse<String> sms = alice.postJson(path, message("SMS", "Reminder", "See you at 10"), Map.of());
        assertThat(sms.statusCode()).isEqualTo(202);
        assertThat(json(sms).get("channel").asText()).isEqualTo("SMS");
    }

    @Test
    void smsToIneligibleCandidatesIsRefusedWithTheReason() throws Exception {
        HostClient alice = host.client().basic("alice");
        for (String[] c : new String[][] {{"Farah", "NOT_OPTED_IN"}, {"Gus", "NO_PHONE"}, {"Hana", "INVALID_PHONE"}}) {
            String conversation = conversation(alice, c[0]);
            HttpResponse<String> refused = alice.postJson(API + "/conversations/" + conversation + "/messages",
                    message("SMS", "Hi", "Hello"), Map.of());

            JsonNode error = assertError(refused, 422, "SMS_NOT_ALLOWED");
            assertThat(error.get("reason").asText()).as(c[0]).isEqualTo(c[1]);
            assertThat(messagesIn(alice, conversation)).isEmpty();
            assertThat(alice.postJson(API + "/conversations/" + conversation + "/messages",
                    message("EMAIL", "Hi", "Hello"), Map.of()).statusCode()).as("email still works").isEqualTo(202);
        }
    }

    @Test
    void anIdempotencyKeyNeverSendsTwice() throws Exception {
        HostClient bob = host.client().basic("bob");
        String dana = conversation(bob, "Dana");
        String path = API + "/conversations/" + dana + "/messages";
        Map<String, String> key = Map.of("Idempotency-Key", "offer-42");

        JsonNode first = json(bob.postJson(path, message("EMAIL", "Offer", "Welcome aboard"), key));
        HttpResponse<String> retry = bob.postJson(path, message("EMAIL", "Offer", "Welcome aboard"), key);

        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(json(retry).get("id").asText()).isEqualTo(first.get("id").asText());
        assertThat(messagesIn(bob, dana)).hasSize(1);
        assertError(bob.postJson(path, message("EMAIL", "Offer", "Something else"), key), 422, "IDEMPOTENCY_KEY_REUSED");
        assertThat(messagesIn(bob, dana)).hasSize(1);
    }

    @Test
    void historiesPageOldestToNewestWithinAPage() throws Exception {
        HostClient admin = host.client().basic("admin");
        String eli = conversation(admin, "Eli");
        List<String> sent = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            sent.add(json(admin.postJson(API + "/conversations/" + eli + "/messages",
                    message("EMAIL", "Note " + i, "Body " + i), Map.of())).get("id").asText());
        }

        JsonNode first = json(admin.get(API + "/conversations/" + eli + "/messages?limit=2"));
        JsonNode second = json(admin.get(API + "/conversations/" + eli + "/messages?limit=2&before="
                + first.get("next").asText()));
        JsonNode third = json(admin.get(API + "/conversations/" + eli + "/messages?limit=2&before="
                + second.get("next").asText()));

        assertThat(ids(first.get("messages"))).containsExactly(sent.get(3), sent.get(4));
        assertThat(ids(second.get("messages"))).containsExactly(sent.get(1), sent.get(2));
        assertThat(ids(third.get("messages"))).containsExactly(sent.get(0));
        assertThat(third.get("next").isNull()).isTrue();
        assertError(admin.get(API + "/conversations/" + eli + "/messages?before=garbage"), 400, "INVALID_CURSOR");
        assertError(admin.get(API + "/conversations/" + eli + "/messages?limit=101"), 400, "INVALID_LIMIT");
        assertError(host.client().basic("bob").get(API + "/conversations/" + eli + "/messages"), 404,
                "CONVERSATION_NOT_FOUND");
    }

    @Test
    void conversationsListMostRecentActivityFirstWithTheLastMessage() throws Exception {
        HostClient admin = host.client().basic("admin");
        String farah = conversation(admin, "Farah");
        String hana = conversation(admin, "Hana");
        admin.postJson(API + "/conversations/" + farah + "/messages", message("EMAIL", "Latest", "News"), Map.of());

        JsonNode list = json(admin.get(API + "/conversations?limit=100"));
        List<String> order = ids(list.get("conversations"));

        assertThat(order.indexOf(farah)).isLessThan(order.indexOf(hana));
        JsonNode first = list.get("conversations").get(order.indexOf(farah));
        assertThat(first.at("/lastMessage/subject").asText()).isEqualTo("Latest");
        assertThat(first.at("/candidate/name").asText()).isEqualTo("Farah Haddad");
        JsonNode page = json(admin.get(API + "/conversations?limit=1"));
        assertThat(page.get("conversations")).hasSize(1);
        JsonNode rest = json(admin.get(API + "/conversations?limit=100&cursor=" + page.get("next").asText()));
        assertThat(ids(rest.get("conversations"))).doesNotContain(ids(page.get("conversations")).get(0))
                .hasSize(order.size() - 1);
    }

    @Test
    void communicationsShowEveryRecruitersMessagesToWhoeverMaySeeTheCandidate() throws Exception {
        HostClient alice = host.client().basic("alice");
        HostClient bob = host.client().basic("bob");
        String alicesCarol = conversation(alice, "Carol");
        String bobsCarol = conversation(bob, "Carol");
        alice.postJson(API + "/conversations/" + alicesCarol + "/messages", message("EMAIL", "From Alice", "A"), Map.of());
        bob.postJson(API + "/conversations/" + bobsCarol + "/messages", message("EMAIL", "From Bob", "B"), Map.of());

        JsonNode history = json(bob.get(API + "/candidates/" + ids.get("Carol") + "/communications"));
        assertThat(history.get("messages")).extracting(m -> m.get("subject").asText())
                .containsSubsequence("From Alice", "From Bob");
        assertError(bob.get(API + "/candidates/" + ids.get("Ivan") + "/communications"), 403, "FORBIDDEN");
        assertError(alice.get(API + "/candidates/999999/communications"), 404, "CANDIDATE_NOT_FOUND");
        assertThat(host.client().basic("carol").get(API + "/candidates/" + ids.get("Carol") + "/communications")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void markingReadAnswersNoContent() throws Exception {
        HostClient alice = host.client().basic("alice");
        String eli = conversation(alice, "Eli");

        HttpResponse<String> read = alice.postJson(API + "/conversations/" + eli + "/read", "", Map.of());

        assertThat(read.statusCode()).isEqualTo(204);
        assertThat(json(alice.get(API + "/unread")).get("count").asLong()).isZero();
        assertError(host.client().basic("bob").postJson(API + "/conversations/" + eli + "/read", "", Map.of()), 404,
                "CONVERSATION_NOT_FOUND");
    }

    @Test
    void queuedMessagesAreAnnouncedOnTheHostsEventBus() throws Exception {
        List<Event> seen = new CopyOnWriteArrayList<>();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, "com/example/ats/messaging/message/*");
        ServiceRegistration<EventHandler> listener = host.host().context()
                .registerService(EventHandler.class, seen::add, properties);
        try {
            HostClient alice = host.client().basic("alice");
            String eli = conversation(alice, "Eli");
            String id = json(alice.postJson(API + "/conversations/" + eli + "/messages",
                    message("EMAIL", "Event", "E"), Map.of())).get("id").asText();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (seen.stream().noneMatch(e -> id.equals(e.getProperty("messageId"))) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Event event = seen.stream().filter(e -> id.equals(e.getProperty("messageId"))).findFirst().orElseThrow();
            assertThat(event.getTopic()).isEqualTo("com/example/ats/messaging/message/QUEUED");
            assertThat(event.getProperty("conversationId")).isEqualTo(eli);
            assertThat(event.getProperty("channel")).isEqualTo("EMAIL");
            assertThat(event.getPropertyNames()).doesNotContain("body", "subject");
        } finally {
            listener.unregister();
        }
    }

    @Test
    void theHostDeletingACandidateErasesTheirMessages() throws Exception {
        HostClient admin = host.client().basic("admin");
        long generated = Long.parseLong(json(admin.get(API + "/candidates?q=Quentin")).at("/candidates/0/id").asText());
        String conversation = json(admin.postJson(API + "/conversations", start(Long.toString(generated)), Map.of()))
                .get("id").asText();
        admin.postJson(API + "/conversations/" + conversation + "/messages", message("EMAIL", "Secret", "Salary"), Map.of());

        assertThat(host.host().candidateChanges().delete(generated)).isTrue();

        assertError(admin.get(API + "/candidates/" + generated + "/communications"), 404, "CANDIDATE_NOT_FOUND");
        assertThat(ids(json(admin.get(API + "/conversations?limit=100")).get("conversations"))).doesNotContain(conversation);
        assertError(admin.get(API + "/conversations/" + conversation + "/messages"), 403, "FORBIDDEN");
    }

    @Test
    void theHostMergingCandidatesMovesTheConversation() throws Exception {
        HostClient admin = host.client().basic("admin");
        String from = json(admin.get(API + "/candidates?q=Rosa")).at("/candidates/0/id").asText();
        String into = json(admin.get(API + "/candidates?q=Samir")).at("/candidates/0/id").asText();
        String conversation = json(admin.postJson(API + "/conversations", start(from), Map.of())).get("id").asText();
        admin.postJson(API + "/conversations/" + conversation + "/messages", message("EMAIL", "Before merge", "M"), Map.of());

        assertThat(host.host().candidateChanges().merge(Long.parseLong(from), Long.parseLong(into))).isTrue();

        JsonNode history = json(admin.get(API + "/candidates/" + into + "/communications"));
        assertThat(history.get("messages")).extracting(m -> m.get("subject").asText()).contains("Before merge");
        JsonNode moved = json(admin.postJson(API + "/conversations", start(into), Map.of()));
        assertThat(moved.get("id").asText()).isEqualTo(conversation);
    }

    @Test
    void eligibilityFollowsTheHostsContactAndConsentChanges() throws Exception {
        HostClient admin = host.client().basic("admin");
        String id = json(admin.get(API + "/candidates?q=Tova")).at("/candidates/0/id").asText();
        String conversation = json(admin.postJson(API + "/conversations", start(id), Map.of())).get("id").asText();

        assertThat(host.host().candidateChanges().updateContact(Long.parseLong(id), "tova@example.org", null, true)).isTrue();
        assertThat(json(admin.get(API + "/candidates?q=Tova")).at("/candidates/0/channels/sms/reason").asText())
                .isEqualTo("NO_PHONE");
        assertError(admin.postJson(API + "/conversations/" + conversation + "/messages", message("SMS", "S", "B"),
                Map.of()), 422, "SMS_NOT_ALLOWED");

        assertThat(host.host().candidateChanges().updateContact(Long.parseLong(id), "tova@example.org", "+14155550999",
                true)).isTrue();
        JsonNode tova = json(admin.get(API + "/candidates?q=Tova")).at("/candidates/0");
        assertThat(tova.get("phone").asText()).isEqualTo("+14155550999");
        assertThat(tova.at("/channels/sms/allowed").asBoolean()).isTrue();
        assertThat(admin.postJson(API + "/conversations/" + conversation + "/messages", message("SMS", "S", "B"),
                Map.of()).statusCode()).isEqualTo(202);
    }

    private static List<String> ids(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(n -> result.add(n.get("id").asText()));
        return result;
    }

    private static List<JsonNode> messagesIn(HostClient client, String conversation) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        json(client.get(API + "/conversations/" + conversation + "/messages?limit=100")).get("messages").forEach(all::add);
        return all;
    }

    private static String conversation(HostClient client, String firstName) throws Exception {
        HttpResponse<String> response = client.postJson(API + "/conversations", start(ids.get(firstName)), Map.of());
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        return json(response).get("id").asText();
    }

    private static String start(String candidateId) {
        return "{\"candidateId\":\"" + candidateId + "\"}";
    }

    private static String message(String channel, String subject, String body) throws Exception {
        return JSON.writeValueAsString(Map.of("channel", channel, "subject", subject, "body", body));
    }

    private static JsonNode assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank();
        return error;
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }
}
