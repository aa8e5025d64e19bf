package com.example.ats.refhost.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.ats.refhost.testing.RunningHost;
import com.sun.net.httpserver.HttpServer;
import com.twilio.base.ResourceSet;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.security.RequestValidator;
import com.twilio.type.PhoneNumber;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The host's Twilio stand-in, driven by the real Twilio Java SDK. */
class TwilioSandboxIntegrationTest {
    private static RunningHost host;
    private static HttpServer callbackReceiver;
    private static final BlockingQueue<Map<String, String>> CALLBACKS = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() throws Exception {
        host = RunningHost.start();
        callbackReceiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        callbackReceiver.createContext("/status", exchange -> {
            Map<String, String> params = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String url = "http://127.0.0.1:" + callbackReceiver.getAddress().getPort() + "/status";
            boolean valid = new RequestValidator(TwilioSandbox.AUTH_TOKEN)
                    .validate(url, params, exchange.getRequestHeaders().getFirst("X-Twilio-Signature"));
            params.put("signatureValid", Boolean.toString(valid));
            CALLBACKS.add(params);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        callbackReceiver.start();
    }

    @AfterAll
    static void stop() {
        callbackReceiver.stop(0);
        host.close();
    }

    @Test
    void theSdkCreatesFetchesAndListsMessagesAndTheCallbacksAreSigned() throws Exception {
        TwilioRestClient client = client(TwilioSandbox.AUTH_TOKEN);
        URI callback = URI.create("http://127.0.0.1:" + callbackReceiver.getAddress().getPort() + "/status");

        Message created = Message.creator(new PhoneNumber("+14155550101"), new PhoneNumber(TwilioSandbox.SENDER),
                "Hi Dana, see you at 10?").setStatusCallback(callback).create(client);

        assertThat(created.getSid()).matches("SM[0-9a-f]{32}");
        assertThat(created.getStatus()).isEqualTo(Message.Status.QUEUED);
        assertThat(created.getNumSegments()).isEqualTo("1");
        assertThat(created.getDateCreated()).isNotNull();
        Message fetched = Message.fetcher(created.getSid()).fetch(client);
        assertThat(fetched.getBody()).isEqualTo("Hi Dana, see you at 10?");
        ResourceSet<Message> listed = Message.reader().setTo(new PhoneNumber("+14155550101")).read(client);
        assertThat(StreamSupport.stream(listed.spliterator(), false).map(Message::getSid)).contains(created.getSid());

        Map<String, String> sent = CALLBACKS.poll(10, TimeUnit.SECONDS);
        Map<String, String> delivered = CALLBACKS.poll(10, TimeUnit.SECONDS);
        assertThat(List.of(sent, delivered)).extracting(m -> m.get("MessageStatus")).containsExactly("sent", "delivered");
        assertThat(List.of(sent, delivered)).allSatisfy(m -> {
            assertThat(m.get("MessageSid")).isEqualTo(created.getSid());
            assertThat(m.get("signatureValid")).isEqualTo("true");
        });
        assertThat(Message.fetcher(created.getSid()).fetch(client).getStatus()).isEqualTo(Message.Status.DELIVERED);
    }

    @Test
    void longTextsCountSegmentsAsTwilioDoes() {
        TwilioRestClient client = client(TwilioSandbox.AUTH_TOKEN);

        Message gsm = Message.creator(new PhoneNumber("+14155550101"), new PhoneNumber(TwilioSandbox.SENDER),
                "x".repeat(161)).create(client);
        Message unicode = Message.creator(new PhoneNumber("+14155550101"), new PhoneNumber(TwilioSandbox.SENDER),
                "ü".repeat(71)).create(client);

        assertThat(gsm.getNumSegments()).isEqualTo("2");
        assertThat(unicode.getNumSegments()).isEqualTo("2");
    }

    @Test
    void wrongCredentialsAndMissingFieldsGetTwilioErrors() {
        ApiException unauthorized = assertThrows(ApiException.class, () -> Message.creator(
                new PhoneNumber("+14155550101"), new PhoneNumber(TwilioSandbox.SENDER), "x").create(client("wrong")));
        assertThat(unauthorized.getStatusCode()).isEqualTo(401);
        assertThat(unauthorized.getCode()).isEqualTo(20003);

        ApiException tooLong = assertThrows(ApiException.class, () -> Message.creator(
                new PhoneNumber("+14155550101"), new PhoneNumber(TwilioSandbox.SENDER), "x".repeat(1601))
                .create(client(TwilioSandbox.AUTH_TOKEN)));
        assertThat(tooLong.getCode()).isEqualTo(21617);
    }

    private static TwilioRestClient client(String authToken) {
        return new TwilioRestClient.Builder(TwilioSandbox.ACCOUNT_SID, authToken)
                .httpClient(new LocalTwilioHttpClient(host.baseUrl() + "/sandbox/twilio"))
                .build();
    }

    private static Map<String, String> form(String body) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
