package com.example.ats.refhost.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The plugin's REST API as the demo users call it, for tests that need conversations and messages. */
public final class MessagingRest {
    public static final String API = "/rest/messaging/1.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunningHost host;

    public MessagingRest(RunningHost host) {
        this.host = host;
    }

    /** The id of the first candidate the search finds for alice. */
    public String candidateId(String query) throws Exception {
        return json(host.client().basic("alice").get(API + "/candidates?q=" + query).body())
                .get("candidates").get(0).get("id").asText();
    }

    /** The user's conversation with the candidate (started when needed). */
    public String conversation(String user, String candidateId) throws Exception {
        return json(host.client().basic(user).postJson(API + "/conversations",
                "{\"candidateId\":\"" + candidateId + "\"}", Map.of()).body()).get("id").asText();
    }

    /** Queues a message; returns its id. */
    public String send(String user, String conversationId, String channel, String subject, String body)
            throws Exception {
        String json = JSON.writeValueAsString(Map.of("channel", channel, "subject", subject, "body", body));
        return json(host.client().basic(user).postJson(API + "/conversations/" + conversationId + "/messages", json,
                Map.of()).body()).get("id").asText();
    }

    /** Waits up to 15 s for a message of the user's conversation to reach the status. */
    public void awaitStatus(String user, String conversationId, String messageId, String status) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        String last = "unknown";
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode message : json(host.client().basic(user)
                    .get(API + "/conversations/" + conversationId + "/messages").body()).get("messages")) {
                if (message.get("id").asText().equals(messageId)) {
                    last = message.get("status").asText();
                }
            }
            if (last.equals(status)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Message " + messageId + " is " + last + ", not " + status);
    }

    /** Waits up to 15 s for the message to be listed as failed for administrators; returns its entry. */
    public JsonNode awaitFailed(String messageId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode item : json(host.client().basic("admin").get(API + "/admin/failed").body()).get("failed")) {
                if (item.get("message").get("id").asText().equals(messageId)) {
                    return item;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Message " + messageId + " is not listed as failed");
    }

    public static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
