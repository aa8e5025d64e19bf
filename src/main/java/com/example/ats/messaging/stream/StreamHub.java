package com.example.ats.messaging.stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * Live events for recruiters' browsers ({@code GET /stream}): each message that is new or changed
 * in one of their conversations, and their unread count when it moves. Events carry increasing
 * ids; the last {@value #KEPT} are kept so a browser that reconnects with {@code Last-Event-ID}
 * gets what it missed. Per JVM: with several host nodes, a browser sees the events of the node it
 * is connected to (the UI also re-reads when it reconnects).
 */
public final class StreamHub {
    static final int KEPT = 5_000;

    /** One event: its id, whose it is, its SSE name ({@code message} or {@code unread}) and JSON-able data. */
    public record StreamEvent(long id, String recruiterId, String name, Object data) {
    }

    /** A changed message, as the stream tells it (ids and status only: the UI fetches content). */
    public record MessageChange(String conversationId, String messageId, String status, String direction,
                                String channel) {
    }

    /** The recruiter's unread count. */
    public record Unread(long count) {
    }

    private final ToLongFunction<String> unreadOf;
    private final Deque<StreamEvent> recent = new ArrayDeque<>();
    private final Map<String, Set<Consumer<StreamEvent>>> subscribers = new ConcurrentHashMap<>();
    private long lastId;

    public StreamHub(ToLongFunction<String> unreadOf) {
        this.unreadOf = unreadOf;
    }

    /** A message of the recruiter's changed; inbound ones also move the unread count. */
    public void messageChanged(String recruiterId, MessageChange change) {
        publish(recruiterId, "message", change);
        if ("INBOUND".equals(change.direction())) {
            unreadChanged(recruiterId);
        }
    }

    /** The recruiter's unread count may have changed (a reply, or a chat marked read). */
    public void unreadChanged(String recruiterId) {
        if (subscribers.containsKey(recruiterId)) {
            publish(recruiterId, "unread", new Unread(unreadOf.applyAsLong(recruiterId)));
        }
    }

    /**
     * Subscribes; first replays what came after {@code lastEventId} (when it is still kept), or
     * else starts with the current unread count. Returns the handle to unsubscribe.
     */
    public Runnable subscribe(String recruiterId, Long lastEventId, Consumer<StreamEvent> listener) {
        List<StreamEvent> missed = new ArrayList<>();
        boolean complete;
        synchronized (this) {
            subscribers.computeIfAbsent(recruiterId, r -> new CopyOnWriteArraySet<>()).add(listener);
            StreamEvent oldest = recent.peekFirst();
            complete = lastEventId != null && (oldest == null || oldest.id() <= lastEventId + 1);
            if (complete) {
                for (StreamEvent event : recent) {
                    if (event.id() > lastEventId && event.recruiterId().equals(recruiterId)) {
                        missed.add(event);
                    }
                }
            }
        }
        if (complete) {
            missed.forEach(listener);
        } else {
            listener.accept(new StreamEvent(currentId(), recruiterId, "unread",
                    new Unread(unreadOf.applyAsLong(recruiterId))));
        }
        return () -> unsubscribe(recruiterId, listener);
    }

    private void unsubscribe(String recruiterId, Consumer<StreamEvent> listener) {
        subscribers.computeIfPresent(recruiterId, (r, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    private void publish(String recruiterId, String name, Object data) {
        StreamEvent event;
        synchronized (this) {
            event = new StreamEvent(++lastId, recruiterId, name, data);
            recent.addLast(event);
            if (recent.size() > KEPT) {
                recent.removeFirst();
            }
        }
        Set<Consumer<StreamEvent>> listeners = subscribers.get(recruiterId);
        if (listeners != null) {
            listeners.forEach(listener -> listener.accept(event));
        }
    }

    private synchronized long currentId() {
        return lastId;
    }

    /** How many browsers are connected (for health). */
    public int connections() {
        return subscribers.values().stream().mapToInt(Set::size).sum();
    }
}
