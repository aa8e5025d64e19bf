package com.example.ats.messaging.inbound;

import com.example.ats.messaging.rest.Caller;
import com.example.ats.messaging.rest.Paging;
import com.example.ats.messaging.spi.HostPermissions;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /admin/unrouted}: inbound texts and emails no conversation could take (unknown number
 * or address, or a known candidate nobody chats with), newest first. Administrators only.
 */
@Singleton
@Path("/admin/unrouted")
public final class UnroutedResource {
    private final UnroutedInbox inbox;
    private final HostPermissions permissions;

    @Inject
    public UnroutedResource(UnroutedInbox inbox, HostPermissions permissions) {
        this.inbox = inbox;
        this.permissions = permissions;
    }

    /** One kept message, as administrators see it. */
    public record UnroutedView(String id, String channel, String from, String to, String subject, String body,
                               String candidateId, Instant receivedAt) {
    }

    public record UnroutedList(List<UnroutedView> messages) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public UnroutedList list(@Context ContainerRequestContext request, @QueryParam("limit") String limit) {
        Caller.administrator(request, permissions);
        return new UnroutedList(inbox.recent(Paging.limit(limit, 50, 200)).stream()
                .map(u -> new UnroutedView(u.getId().toString(), u.getChannel().name(), u.getFromAddress(),
                        u.getToAddress(), u.getSubject(), u.getBody(), u.getCandidateId(), u.getReceivedAt()))
                .toList());
    }
}
