package com.example.ats.messaging.stream;

import com.example.ats.messaging.rest.Caller;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code GET /stream} (CONTRACT §3): Server-Sent Events for the caller: {@code message} (a new or
 * changed message, with {@code conversationId}) and {@code unread} ({@code {"count":N}}). Resumes
 * after {@code Last-Event-ID}; a comment every 25 s keeps proxies from closing an idle stream and
 * finds closed ones.
 */
@Singleton
@Path("/stream")
public final class StreamResource {
    private final StreamHub hub;
    private final Heartbeats heartbeats;

    @Inject
    public StreamResource(StreamHub hub, Heartbeats heartbeats) {
        this.hub = hub;
        this.heartbeats = heartbeats;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@Context ContainerRequestContext request, @Context SseEventSink sink, @Context Sse sse,
                       @HeaderParam(HttpHeadersLastEventId.NAME) String lastEventId) {
        Caller caller = Caller.of(request);
        String recruiterId = caller.user().id();
        AtomicReference<Runnable> unsubscribe = new AtomicReference<>();
        Runnable close = () -> {
            Runnable handle = unsubscribe.getAndSet(null);
            if (handle != null) {
                handle.run();
            }
        };
        unsubscribe.set(hub.subscribe(recruiterId, parse(lastEventId), event -> {
            if (sink.isClosed()) {
                close.run();
                return;
            }
            OutboundSseEvent outbound = sse.newEventBuilder()
                    .id(Long.toString(event.id()))
                    .name(event.name())
                    .mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(event.data().getClass(), event.data())
                    .reconnectDelay(2_000)
                    .build();
            sink.send(outbound).whenComplete((ignored, failure) -> {
                if (failure != null) {
                    close.run();
                    try {
                        sink.close();
                    } catch (java.io.IOException gone) {
                        // The browser is gone already.
                    }
                }
            });
        }));
        heartbeats.keepAlive(sink, sse, close);
    }

    private static Long parse(String lastEventId) {
        try {
            return lastEventId == null || lastEventId.isBlank() ? null : Long.parseLong(lastEventId.trim());
        } catch (NumberFormatException e) {
            return null; // a foreign id: start afresh with the current count
        }
    }

    /** The SSE resume header. */
    static final class HttpHeadersLastEventId {
        static final String NAME = "Last-Event-ID";

        private HttpHeadersLastEventId() {
        }
    }
}
