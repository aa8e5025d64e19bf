package com.example.ats.messaging.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class StreamHubTest {
    private final Map<String, Long> unread = new java.util.concurrent.ConcurrentHashMap<>(Map.of("2", 0L, "3", 0L));
    private final StreamHub hub = new StreamHub(unread::get);

    @Test
    void aNewStreamStartsWithTheUnreadCountThenGetsOnlyItsRecruitersEvents() {
        List<StreamHub.StreamEvent> alice = new CopyOnWriteArrayList<>();
        hub.subscribe("2", null, alice::add);

        unread.put("2", 1L);
        hub.messageChanged("2", change("7", "70", "INBOUND"));
        hub.messageChanged("3", change("8", "80", "INBOUND"));
        hub.messageChanged("2", change("7", "71", "OUTBOUND"));

        assertThat(alice).extracting(StreamHub.StreamEvent::name).containsExactly("unread", "message", "unread", "message");
        assertThat(alice.get(2).data()).isEqualTo(new StreamHub.Unread(1));
        assertThat(alice).allSatisfy(e -> assertThat(e.recruiterId()).isEqualTo("2"));
        assertThat(alice).extracting(StreamHub.StreamEvent::id).isSorted();
    }

    @Test
    void reconnectingWithTheLastEventIdReplaysWhatWasMissed() {
        List<StreamHub.StreamEvent> first = new CopyOnWriteArrayList<>();
        Runnable unsubscribe = hub.subscribe("2", null, first::add);
        hub.messageChanged("2", change("7", "70", "OUTBOUND"));
        long seen = first.get(first.size() - 1).id();
        unsubscribe.run();

        hub.messageChanged("2", change("7", "71", "OUTBOUND"));
        hub.messageChanged("3", change("8", "80", "OUTBOUND"));
        hub.messageChanged("2", change("7", "72", "OUTBOUND"));
        List<StreamHub.StreamEvent> resumed = new CopyOnWriteArrayList<>();
        hub.subscribe("2", seen, resumed::add);

        assertThat(resumed).extracting(e -> ((StreamHub.MessageChange) e.data()).messageId()).containsExactly("71", "72");
        assertThat(first).hasSize(2);
    }

    @Test
    void anIdTooOldOrForeignStartsAfreshWithTheCount() {
        for (int i = 0; i < StreamHub.KEPT + 10; i++) {
            hub.messageChanged("3", change("8", Integer.toString(i), "OUTBOUND"));
        }
        List<StreamHub.StreamEvent> events = new CopyOnWriteArrayList<>();
        hub.subscribe("2", 1L, events::add);
        assertThat(events).extracting(StreamHub.StreamEvent::name).containsExactly("unread");
    }

    private static StreamHub.MessageChange change(String conversation, String message, String direction) {
        return new StreamHub.MessageChange(conversation, message, "RECEIVED", direction, "SMS");
    }
}
