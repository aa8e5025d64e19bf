package com.example.ats.refhost.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.refhost.testing.HostClient;
import com.example.ats.refhost.testing.RunningHost;
import com.example.ats.refhost.testing.TwilioWebhook;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /stream} through the running host: live events for a reply, resume with Last-Event-ID. */
class StreamIntegrationTest {
    private static final String API = "/rest/messaging/1.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningHost host;
    private static HostClient alice;

    /** One SSE event as read off the wire. */
    private record Sse(String id, String name, JsonNode data) {
    }

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
    void aReplyArrivesLiveAndAReconnectGetsWhatItMissed() throws Exception {
        String conversation = conversationWith("Dana Whitfield");
        BlockingQueue<Sse> events = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> stream = open(null, events);
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        Sse first = next(events);
        assertThat(first.name()).isEqualTo("unread");
        assertThat(first.data().get("count").asLong()).isZero();

        reply("SMstream0001", "Hello from the stream test");
        Sse message = next(events);
        Sse unread = next(events);
        assertThat(message.name()).isEqualTo("message");
        assertThat(message.data().get("conversationId").asText()).isEqualTo(conversation);
        assertThat(message.data().get("direction").asText()).isEqualTo("INBOUND");
        assertThat(unread.name()).isEqualTo("unread");
        assertThat(unread.data().get("count").asLong()).isEqualTo(1);
        stream.body().close();

        reply("SMstream0002", "Missed while away");
        BlockingQueue<Sse> resumed = new LinkedBlockingQueue<>();
        open(unread.id(), resumed);
        Sse missed = next(resumed);
        assertThat(missed.name()).isEqualTo("message");
        assertThat(Long.parseLong(missed.id())).isGreaterThan(Long.parseLong(unread.id()));
        assertThat(next(resumed).data().get("count").asLong()).isEqualTo(2);

        // Reading the chat moves the count, live.
        assertThat(alice.postJson(API + "/conversations/" + conversation + "/read", "", Map.of()).statusCode())
                .isEqualTo(204);
        Sse read = next(resumed);
        assertThat(read.name()).isEqualTo("unread");
        assertThat(read.data().get("count").asLong()).isZero();
    }

    @Test
    void theStreamIsForAtsUsersOnly() throws Exception {
        assertThat(host.client().get(API + "/stream").statusCode()).isEqualTo(401);
        assertThat(host.client().basic("carol").get(API + "/stream").statusCode()).isEqualTo(403);
    }

    private static HttpResponse<Stream<String>> open(String lastEventId, BlockingQueue<Sse> into) throws Exception {
        HttpRequest.Builder request = alice.request(API + "/stream").timeout(Duration.ofMinutes(5))
                .header("Accept", "text/event-stream").GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = java.net.http.HttpClient.newHttpClient()
                .send(request.build(), HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> {
            try {
                readEvents(response, into);
            } catch (java.io.UncheckedIOException closed) {
                // The test closed the stream.
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        return response;
    }

    /** Parses the text/event-stream format: fields per line, an empty line ends an event; comments ignored. */
    private static void readEvents(HttpResponse<Stream<String>> response, BlockingQueue<Sse> into) {
        String id = null;
        String name = null;
        List<String> data = new ArrayList<>();
        for (var lines = response.body().iterator(); lines.hasNext(); ) {
            String line = lines.next();
            if (line.isEmpty()) {
                if (name != null) {
                    try {
                        into.add(new Sse(id, name, JSON.readTree(String.join("\n", data))));
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
                id = null;
                name = null;
                data.clear();
            } else if (line.startsWith("id:")) {
                id = line.substring(3).trim();
            } else if (line.startsWith("event:")) {
                name = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                data.add(line.substring(5).trim());
            }
        }
    }

    private static Sse next(BlockingQueue<Sse> events) throws InterruptedException {
        Sse event = events.poll(10, TimeUnit.SECONDS);
        assertThat(event).as("an event within 10 s").isNotNull();
        return event;
    }

    private static String conversationWith(String name) throws Exception {
        String candidateId = JSON.readTree(alice.get(API + "/candidates?q="
                + URLEncoder.encode(name, StandardCharsets.UTF_8)).body()).get("candidates").get(0).get("id").asText();
        return JSON.readTree(alice.postJson(API + "/conversations", "{\"candidateId\":\"" + candidateId + "\"}",
                Map.of()).body()).get("id").asText();
    }

    private static void reply(String sid, String body) throws Exception {
        assertThat(TwilioWebhook.postSigned(host, TwilioWebhook.SMS, TwilioWebhook.inboundText(sid, "+14155550101", body))
                .statusCode()).isEqualTo(200);
    }
}
