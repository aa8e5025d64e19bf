package com.example.ats.messaging.conversation;

import com.example.ats.messaging.rest.Caller;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /conversations}: the caller's chats with candidates (CONTRACT §3). */
@Singleton
@Path("/conversations")
@Produces(MediaType.APPLICATION_JSON)
public final class ConversationResource {
    private final ConversationService conversations;

    @Inject
    public ConversationResource(ConversationService conversations) {
        this.conversations = conversations;
    }

    /** {@code {"candidateId":"..."}}. */
    public record StartRequest(String candidateId) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(@Context ContainerRequestContext request, StartRequest body) {
        Caller caller = Caller.of(request);
        ConversationService.Opened opened = conversations.start(caller.user(), caller.locale(),
                body == null ? null : body.candidateId());
        return Response.status(opened.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(opened.conversation()).build();
    }

    @GET
    public ConversationService.ConversationList list(@Context ContainerRequestContext request,
                                                     @QueryParam("cursor") String cursor,
                                                     @QueryParam("limit") String limit) {
        Caller caller = Caller.of(request);
        return conversations.list(caller.user(), caller.locale(), cursor, limit);
    }

    @GET
    @Path("/{id}/messages")
    public ConversationService.MessageList messages(@Context ContainerRequestContext request,
                                                    @PathParam("id") String id,
                                                    @QueryParam("before") String before,
                                                    @QueryParam("limit") String limit) {
        Caller caller = Caller.of(request);
        return conversations.messages(caller.user(), caller.locale(), id, before, limit);
    }

    @POST
    @Path("/{id}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response send(@Context ContainerRequestContext request, @PathParam("id") String id,
                         @HeaderParam("Idempotency-Key") String idempotencyKey, SendRequest body) {
        Caller caller = Caller.of(request);
        ConversationService.Sent sent = conversations.send(caller.user(), caller.locale(), id, body, idempotencyKey);
        return Response.accepted(sent.message()).build();
    }

    /** Sends a FAILED message again: 202 with it, QUEUED (409 when it has not failed). */
    @POST
    @Path("/{id}/messages/{messageId}/retry")
    public Response retry(@Context ContainerRequestContext request, @PathParam("id") String id,
                          @PathParam("messageId") String messageId) {
        Caller caller = Caller.of(request);
        return Response.accepted(conversations.retry(caller.user(), caller.locale(), id, messageId)).build();
    }

    @POST
    @Path("/{id}/read")
    public Response read(@Context ContainerRequestContext request, @PathParam("id") String id) {
        Caller caller = Caller.of(request);
        conversations.markRead(caller.user(), id);
        return Response.noContent().build();
    }
}
