package com.example.ats.refhost.sandbox;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of the local Twilio stand-in: accepted messages (in memory), and the status
 * callbacks Twilio would send for them ({@code sent}, then {@code delivered}), signed with the
 * sandbox auth token.
 */
public final class TwilioSandbox implements AutoCloseable {
    public static final String ACCOUNT_SID = "AC00000000000000000000000000000000";
    public static final String AUTH_TOKEN = "sandbox-auth-token";
    public static final String SENDER = "+15005550006";
    private static final Logger LOG = LoggerFactory.getLogger(TwilioSandbox.class);

    private final Map<String, SandboxMessage> messages = new ConcurrentHashMap<>();
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ScheduledExecutorService callbacks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "twilio-sandbox-callbacks");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Duration callbackDelay;

    public TwilioSandbox(Clock clock, Duration callbackDelay) {
        this.clock = clock;
        this.callbackDelay = callbackDelay;
    }

    /** Accepts a message as Twilio's create call does; its callbacks follow. */
    public SandboxMessage create(String from, String to, String body, String statusCallback) {
        String sid = "SM" + HexFormat.of().formatHex(randomBytes());
        SandboxMessage message = new SandboxMessage(sid, ACCOUNT_SID, from, to, body, "queued",
                statusCallback, clock.instant(), clock.instant());
        messages.put(sid, message);
        if (statusCallback != null && !statusCallback.isBlank()) {
            callbacks.schedule(() -> advance(sid, "sent"), callbackDelay.toMillis(), TimeUnit.MILLISECONDS);
            callbacks.schedule(() -> advance(sid, "delivered"), 2 * callbackDelay.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            messages.computeIfPresent(sid, (k, m) -> m.withStatus("delivered", clock.instant()));
        }
        return messages.get(sid);
    }

    public Optional<SandboxMessage> get(String sid) {
        return Optional.ofNullable(messages.get(sid));
    }

    /** Messages, newest first, filtered like Twilio's list ({@code To}, {@code From}). */
    public List<SandboxMessage> list(String to, String from) {
        return messages.values().stream()
                .filter(m -> to == null || m.to().equals(to))
                .filter(m -> from == null || m.from().equals(from))
                .sorted(Comparator.comparing(SandboxMessage::created).reversed())
                .collect(Collectors.toCollection(ArrayList::new));
    }

    private void advance(String sid, String status) {
        SandboxMessage message = messages.computeIfPresent(sid, (k, m) -> m.withStatus(status, clock.instant()));
        if (message == null) {
            return;
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", message.accountSid());
        params.put("MessageSid", message.sid());
        params.put("SmsSid", message.sid());
        params.put("MessageStatus", status);
        params.put("SmsStatus", status);
        params.put("From", message.from());
        params.put("To", message.to());
        params.put("ApiVersion", "2010-04-01");
        String form = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(message.statusCallback()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioSignature.sign(AUTH_TOKEN, message.statusCallback(), params))
                .header("User-Agent", "TwilioProxy/1.1 (ats-refhost sandbox)")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 300) {
                LOG.warn("Status callback {} for {} answered {}", status, sid, response.statusCode());
            }
        } catch (java.io.IOException e) {
            LOG.warn("Status callback {} for {} failed: {}", status, sid, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return bytes;
    }

    @Override
    public void close() {
        callbacks.shutdownNow();
    }
}
