package com.example.ats.refhost.bench;

import com.example.ats.refhost.sandbox.LocalTwilioHttpClient;
import com.example.ats.refhost.sandbox.TwilioSandbox;
import com.example.ats.refhost.sandbox.TwilioSignature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Channel benchmarks against a running host on PostgreSQL (issue 4), each printed beside a
 * baseline measured in the same run:
 * <ul>
 *   <li>outbox: N messages inserted as QUEUED in one transaction, timed until all are SENT, vs
 *       the same number sent straight to the sandbox with the same client library and 16 threads;</li>
 *   <li>inbound SMS webhook: p50/p99 at a fixed rate (open loop, latency from the intended send
 *       time), vs a static file on the same Jetty at the same rate.</li>
 * </ul>
 * args: baseUrl jdbcUrl smtpHost smtpPort what(sms|email|webhook) count-or-rate [seconds]
 */
public final class ChannelsBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "/rest/messaging/1.0";
    private static final int THREADS = 16;

    private final URI base;
    private final String jdbcUrl;
    private final String smtpHost;
    private final int smtpPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ChannelsBench(URI base, String jdbcUrl, String smtpHost, int smtpPort) {
        this.base = base;
        this.jdbcUrl = jdbcUrl;
        this.smtpHost = smtpHost;
        this.smtpPort = smtpPort;
    }

    public static void main(String[] args) throws Exception {
        ChannelsBench bench = new ChannelsBench(URI.create(args[0]), args[1], args[2], Integer.parseInt(args[3]));
        int amount = Integer.parseInt(args[5]);
        switch (args[4]) {
            case "sms" -> bench.outboxSms(amount);
            case "email" -> bench.outboxEmail(amount);
            case "webhook" -> bench.webhook(amount, Integer.parseInt(args.length > 6 ? args[6] : "20"));
            default -> throw new IllegalArgumentException(args[4]);
        }
    }

    private void outboxSms(int count) throws Exception {
        TwilioRestClient twilio = new TwilioRestClient.Builder(TwilioSandbox.ACCOUNT_SID, TwilioSandbox.AUTH_TOKEN)
                .httpClient(new LocalTwilioHttpClient(base + "/sandbox/twilio")).build();
        double baseline = parallel(count, i -> Message.creator(new PhoneNumber("+14155550199"),
                new PhoneNumber(TwilioSandbox.SENDER), "baseline " + i).create(twilio));
        String conversation = conversationWith("Dana Whitfield");
        double outbox = drain(conversation, "SMS", count);
        System.out.printf("outbox SMS -> sandbox: %.0f msgs/s | baseline (Twilio SDK straight to the sandbox, %d threads): "
                + "%.0f msgs/s | ratio %.2f%n", outbox, THREADS, baseline, outbox / baseline);
    }

    private void outboxEmail(int count) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", smtpHost);
        properties.put("mail.smtp.port", Integer.toString(smtpPort));
        Session session = Session.getInstance(properties);
        double baseline = parallel(count, i -> {
            MimeMessage mail = new MimeMessage(session);
            mail.setFrom(new InternetAddress("talent@ats.example.com"));
            mail.setRecipients(jakarta.mail.Message.RecipientType.TO, "baseline@example.com");
            mail.setSubject("baseline " + i);
            mail.setText("baseline " + i);
            Transport.send(mail);
            return null;
        });
        String conversation = conversationWith("Gus Lindqvist");
        double outbox = drain(conversation, "EMAIL", count);
        System.out.printf("outbox email -> GreenMail: %.0f msgs/s | baseline (Jakarta Mail straight to the same SMTP, "
                + "%d threads): %.0f msgs/s | ratio %.2f%n", outbox, THREADS, baseline, outbox / baseline);
    }

    /** Inserts {@code count} queued messages at once and times the outbox until all are SENT or later. */
    private double drain(String conversationId, String channel, int count) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            String candidate;
            try (PreparedStatement s = db.prepareStatement("SELECT candidate_id FROM msg_conversation WHERE id = ?")) {
                s.setLong(1, Long.parseLong(conversationId));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    candidate = r.getString(1);
                }
            }
            String tag = "bench-" + System.nanoTime();
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO msg_message (id, conversation_id, candidate_id, "
                    + "direction, channel, subject, body, status, attempts, next_attempt_at, author_id, author_name, erased, "
                    + "auto_reply, created_at, updated_at) SELECT nextval('msg_message_seq'), ?, ?, 'OUTBOUND', ?, ?, "
                    + "'bench message ' || g, 'QUEUED', 0, now(), '2', 'Alice Recruiter', false, false, now(), now() "
                    + "FROM generate_series(1, ?) g")) {
                insert.setLong(1, Long.parseLong(conversationId));
                insert.setString(2, candidate);
                insert.setString(3, channel);
                insert.setString(4, tag);
                insert.setInt(5, count);
                insert.executeUpdate();
            }
            db.commit();
            long started = System.nanoTime();
            db.setAutoCommit(true);
            try (PreparedStatement done = db.prepareStatement("SELECT count(*), count(*) FILTER (WHERE status = 'FAILED') "
                    + "FROM msg_message WHERE subject = ? AND status IN ('SENT', 'DELIVERED', 'FAILED')")) {
                done.setString(1, tag);
                while (true) {
                    try (ResultSet r = done.executeQuery()) {
                        r.next();
                        if (r.getInt(1) >= count) {
                            double seconds = (System.nanoTime() - started) / 1e9;
                            if (r.getInt(2) > 0) {
                                System.out.println("  (" + r.getInt(2) + " of them FAILED)");
                            }
                            return count / seconds;
                        }
                    }
                    Thread.sleep(20);
                }
            }
        }
    }

    private interface Task {
        Object run(int i) throws Exception;
    }

    private static double parallel(int count, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(CompletableFuture.runAsync(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    try {
                        task.run(i);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }, pool));
        }
        CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).join();
        double rate = count / ((System.nanoTime() - started) / 1e9);
        pool.shutdown();
        return rate;
    }

    /**
     * Replies from {@value #SENDERS} numbers, each answering the conversation that texted it (spread
     * over {@value #RECRUITERS} recruiters, as replies arrive in real life), then all from one number
     * into one conversation (every reply locks the same rows). Run after a warm-up: the JIT needs
     * a minute or more of load on two cores before this stack runs at speed.
     */
    private void webhook(int rate, int seconds) throws Exception {
        seedConversations();
        conversationWith("Dana Whitfield"); // the single-conversation case answers alice's chat with Dana
        String url = base + API + "/webhooks/twilio/sms";
        AtomicInteger sequence = new AtomicInteger();
        java.util.Random random = new java.util.Random(1);
        Latencies bare = openLoop(rate, seconds, () -> HttpRequest.newBuilder(base.resolve("/static/host.js")).GET().build());
        Latencies spread = openLoop(rate, seconds, () -> signedText(url, sequence.incrementAndGet(),
                senderNumber(random.nextInt(SENDERS))));
        Latencies one = openLoop(rate, seconds, () -> signedText(url, sequence.incrementAndGet(), "+14155550101"));
        System.out.printf("inbound SMS webhook at %d req/s for %ds, %d numbers over %d recruiters: p50 %.1f ms, p99 %.1f ms, "
                + "errors %d%n", rate, seconds, SENDERS, RECRUITERS, spread.percentile(50), spread.percentile(99),
                spread.errors);
        System.out.printf("inbound SMS webhook at %d req/s for %ds, all into one conversation: p50 %.1f ms, p99 %.1f ms, "
                + "errors %d%n", rate, seconds, one.percentile(50), one.percentile(99), one.errors);
        System.out.printf("baseline (static file, same Jetty, same rate): p50 %.1f ms, p99 %.1f ms%n",
                bare.percentile(50), bare.percentile(99));
    }

    private static final int SENDERS = 500;
    private static final int RECRUITERS = 50;

    private static String senderNumber(int i) {
        return String.format("+1555010%04d", i);
    }

    /** One conversation per sender number, each with the outbound text the reply answers. */
    private void seedConversations() throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            db.setAutoCommit(false);
            try (var s = db.createStatement()) {
                s.executeUpdate("DELETE FROM msg_message WHERE conversation_id IN "
                        + "(SELECT id FROM msg_conversation WHERE recruiter_id LIKE 'bench-r%')");
                s.executeUpdate("DELETE FROM msg_conversation WHERE recruiter_id LIKE 'bench-r%'");
                s.executeUpdate("DELETE FROM msg_recruiter_unread WHERE recruiter_id LIKE 'bench-r%'");
                s.executeUpdate("INSERT INTO msg_recruiter_unread (recruiter_id, unread_count) "
                        + "SELECT 'bench-r' || r, 0 FROM generate_series(0, " + (RECRUITERS - 1) + ") r");
            }
            try (PreparedStatement conversation = db.prepareStatement("INSERT INTO msg_conversation (id, recruiter_id, "
                    + "candidate_id, created_at, last_activity_at, unread_count, notify_pending) VALUES "
                    + "(nextval('msg_conversation_seq'), ?, ?, now(), now(), 0, false)", new String[] {"id"});
                 PreparedStatement message = db.prepareStatement("INSERT INTO msg_message (id, conversation_id, "
                    + "candidate_id, direction, channel, subject, body, status, attempts, author_id, author_name, erased, "
                    + "auto_reply, from_address, to_address, provider_id, created_at, updated_at) VALUES "
                    + "(nextval('msg_message_seq'), ?, ?, 'OUTBOUND', 'SMS', 'bench', 'hello', 'DELIVERED', 1, 'x', 'x', "
                    + "false, false, ?, ?, ?, now(), now())")) {
                for (int i = 0; i < SENDERS; i++) {
                    conversation.setString(1, "bench-r" + (i % RECRUITERS));
                    conversation.setString(2, "bench-c" + i);
                    conversation.executeUpdate();
                    long id;
                    try (ResultSet keys = conversation.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                    message.setLong(1, id);
                    message.setString(2, "bench-c" + i);
                    message.setString(3, TwilioSandbox.SENDER);
                    message.setString(4, senderNumber(i));
                    message.setString(5, "twilio:SMseed" + System.nanoTime() + "x" + i);
                    message.executeUpdate();
                }
            }
            db.commit();
        }
    }

    private HttpRequest signedText(String url, int n, String from) {
        Map<String, String> params = new LinkedHashMap<>();
        String sid = String.format("SMbench%025d%d", n, System.nanoTime() % 1000);
        params.put("MessageSid", sid);
        params.put("SmsSid", sid);
        params.put("AccountSid", TwilioSandbox.ACCOUNT_SID);
        params.put("From", from);
        params.put("To", TwilioSandbox.SENDER);
        params.put("Body", "bench reply " + n);
        params.put("NumMedia", "0");
        String form = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioSignature.sign(TwilioSandbox.AUTH_TOKEN, url, params))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private record Latencies(List<Double> millis, int errors) {
        double percentile(int p) {
            List<Double> sorted = millis.stream().sorted().toList();
            return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
        }
    }

    /** Sends at a fixed rate whatever the answers do; latency counts from the intended send time. */
    private Latencies openLoop(int rate, int seconds, java.util.function.Supplier<HttpRequest> request) throws Exception {
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (long i = 0; i < (long) rate * seconds; i++) {
            long intended = start + i * interval;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            pending.add(http.sendAsync(request.get(), HttpResponse.BodyHandlers.discarding()).handle((r, e) -> {
                if (e != null || r.statusCode() != 200) {
                    errors.incrementAndGet();
                }
                latencies.add((System.nanoTime() - intended) / 1e6);
                return null;
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        return new Latencies(new ArrayList<>(latencies), errors.get());
    }

    private String conversationWith(String name) throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString("alice:alice".getBytes(StandardCharsets.UTF_8));
        String found = http.send(HttpRequest.newBuilder(base.resolve(API + "/candidates?q="
                + URLEncoder.encode(name, StandardCharsets.UTF_8))).header("Authorization", basic).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String candidateId = JSON.readTree(found).get("candidates").get(0).get("id").asText();
        String started = http.send(HttpRequest.newBuilder(base.resolve(API + "/conversations"))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"candidateId\":\"" + candidateId + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return JSON.readTree(started).get("id").asText();
    }
}
