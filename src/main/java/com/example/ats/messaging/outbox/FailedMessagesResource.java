package com.example.ats.messaging.outbox;

import com.example.ats.messaging.rest.Caller;
import com.example.ats.messaging.spi.HostPermissions;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /admin/failed?limit=N&before=C} (messages that ended FAILED, newest first, with their
 * reasons) and {@code POST /admin/failed/{messageId}/retry} (202 with the message, QUEUED again).
 * Administrators only.
 */
@Singleton
@Path("/admin/failed")
@Produces(MediaType.APPLICATION_JSON)
public final class FailedMessagesResource {
    private final FailedMessages failed;
    private final HostPermissions permissions;

    @Inject
    public FailedMessagesResource(FailedMessages failed, HostPermissions permissions) {
        this.failed = failed;
        this.permissions = permissions;
    }

    @GET
    public FailedMessages.FailedList list(@Context ContainerRequestContext request, @QueryParam("before") String before,
                                          @QueryParam("limit") String limit) {
        return failed.list(Caller.administrator(request, permissions).locale(), before, limit);
    }

    @POST
    @Path("/{messageId}/retry")
    public Response retry(@Context ContainerRequestContext request, @PathParam("messageId") String messageId) {
        return Response.accepted(failed.retry(Caller.administrator(request, permissions).locale(), messageId)).build();
    }
}
