package com.example.ats.messaging.health;

import com.example.ats.messaging.conversation.Channel;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** What each channel last did: its last accepted send and its last error (kept in memory, per node). */
public final class ChannelHealth {
    /** One channel's recent past. */
    public record State(Instant lastSuccessAt, Instant lastErrorAt, String lastError) {
    }

    private final Clock clock;
    private final Map<Channel, State> states = new EnumMap<>(Channel.class);

    public ChannelHealth(Clock clock) {
        this.clock = clock;
        for (Channel channel : Channel.values()) {
            states.put(channel, new State(null, null, null));
        }
    }

    public synchronized void succeeded(Channel channel) {
        State state = states.get(channel);
        states.put(channel, new State(clock.instant(), state.lastErrorAt(), state.lastError()));
    }

    public synchronized void failed(Channel channel, String code, String reason) {
        State state = states.get(channel);
        states.put(channel, new State(state.lastSuccessAt(), clock.instant(), code + ": " + reason));
    }

    public synchronized State of(Channel channel) {
        return states.get(channel);
    }
}
