package com.example.ats.messaging.conversation;

import com.example.ats.messaging.rest.Caller;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /unread}: unread inbound messages over all the caller's conversations. */
@Singleton
@Path("/unread")
public final class UnreadResource {
    private final ConversationService conversations;

    @Inject
    public UnreadResource(ConversationService conversations) {
        this.conversations = conversations;
    }

    /** {@code {"count":N}}. */
    public record UnreadCount(long count) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public UnreadCount unread(@Context ContainerRequestContext request) {
        return new UnreadCount(conversations.unread(Caller.of(request).user()));
    }
}
