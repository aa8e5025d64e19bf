package com.example.ats.messaging.outbox;

import com.example.ats.messaging.conversation.Channel;

/** Sends outbound messages of one channel for the outbox. Implementations are thread-safe. */
public interface ChannelDispatcher extends AutoCloseable {
    Channel channel();

    /** One attempt to hand the message to the provider. Never throws for provider trouble. */
    SendOutcome send(OutboundEnvelope envelope);

    /** After a crash or an ambiguous failure mid-send: did the provider get it? */
    Reconciliation reconcile(OutboundEnvelope envelope);

    /** Lets go of held connections when the plugin stops. */
    @Override
    default void close() {
    }
}
