package com.example.ats.refhost.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Closed-loop load on the running host: CLIENTS concurrent clients, each a random generated
 * recruiter (HTTP Basic), for each kind of request in turn; prints p50/p99 per kind beside a
 * baseline (a static file from the same Jetty) measured in the same run.
 *
 * <p>Usage: {@code ApiLoad BASE_URL recruiters conversationsPerRecruiter [clients] [requestsPerKind]}
 */
public final class ApiLoad {
    private ApiLoad() {
    }

    private record Kind(String name, IntFunction<String> path, boolean authenticated) {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int recruiters = Integer.parseInt(args[1]);
        int perRecruiter = Integer.parseInt(args[2]);
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int requests = args.length > 4 ? Integer.parseInt(args[4]) : 4_000;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        List<Kind> kinds = List.of(
                new Kind("baseline GET /static/host.js", r -> "/static/host.js", false),
                new Kind("GET /unread", r -> "/rest/messaging/1.0/unread", true),
                new Kind("GET /conversations?limit=20", r -> "/rest/messaging/1.0/conversations?limit=20", true),
                new Kind("GET /conversations/{id}/messages?limit=50", r -> "/rest/messaging/1.0/conversations/"
                        + ((long) (r - 1) * perRecruiter + 1 + ThreadLocalRandom.current().nextInt(perRecruiter))
                        + "/messages?limit=50", true));

        // Warm-up: every recruiter once (their Basic credentials get verified and cached), then
        // every kind until WARMUP_SECONDS are over, so the JIT has compiled the hot paths.
        run(http, base, kinds.get(1), recruiters, clients, recruiters, true);
        long warmUntil = System.nanoTime() + Duration.ofSeconds(Long.getLong("warmup.seconds", 40)).toNanos();
        while (System.nanoTime() < warmUntil) {
            for (Kind kind : kinds) {
                run(http, base, kind, recruiters, clients, 2_000, false);
            }
        }
        System.out.printf(Locale.ROOT, "%-45s %8s %8s %8s %9s%n", "request (" + clients + " clients)", "p50 ms", "p99 ms",
                "max ms", "req/s");
        for (Kind kind : kinds) {
            Result result = run(http, base, kind, recruiters, clients, requests, false);
            System.out.printf(Locale.ROOT, "%-45s %8.2f %8.2f %8.2f %9.0f%n", kind.name(), result.percentile(50),
                    result.percentile(99), result.percentile(100), result.throughput());
        }
    }

    private record Result(long[] nanos, long elapsedNanos) {
        double percentile(double p) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }

        double throughput() {
            return nanos.length / (elapsedNanos / 1e9);
        }
    }

    private static Result run(HttpClient http, URI base, Kind kind, int recruiters, int clients, int total,
                              boolean everyRecruiterOnce) throws Exception {
        long[] nanos = new long[total];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        int recruiter = everyRecruiterOnce ? i % recruiters + 1
                                : ThreadLocalRandom.current().nextInt(recruiters) + 1;
                        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(kind.path().apply(recruiter)))
                                .timeout(Duration.ofSeconds(30));
                        if (kind.authenticated()) {
                            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                    ("rec" + recruiter + ":bench").getBytes(StandardCharsets.UTF_8)));
                        }
                        long t0 = System.nanoTime();
                        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                        nanos[i] = System.nanoTime() - t0;
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(kind.name() + " answered " + response.statusCode() + ": "
                                    + new String(response.body(), StandardCharsets.UTF_8));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }
        return new Result(nanos, System.nanoTime() - started);
    }
}
