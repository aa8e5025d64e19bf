package com.example.ats.messaging.stream;

import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Comments sent to idle streams so proxies keep them open and closed browsers are noticed. */
public final class Heartbeats implements AutoCloseable {
    private final Map<SseEventSink, Runnable> sinks = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "messaging-stream-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    public Heartbeats(long periodSeconds) {
        timer.scheduleAtFixedRate(this::beat, periodSeconds, periodSeconds, TimeUnit.SECONDS);
    }

    private volatile Sse sse;

    void keepAlive(SseEventSink sink, Sse sse, Runnable onClose) {
        this.sse = sse;
        sinks.put(sink, onClose);
    }

    private void beat() {
        Sse current = sse;
        sinks.forEach((sink, onClose) -> {
            if (sink.isClosed() || current == null) {
                drop(sink, onClose);
                return;
            }
            sink.send(current.newEventBuilder().comment("keep-alive").build()).whenComplete((ignored, failure) -> {
                if (failure != null) {
                    drop(sink, onClose);
                }
            });
        });
    }

    private void drop(SseEventSink sink, Runnable onClose) {
        sinks.remove(sink);
        onClose.run();
        try {
            sink.close();
        } catch (java.io.IOException | RuntimeException ignored) {
            // Already gone.
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        sinks.forEach(this::drop);
    }
}
