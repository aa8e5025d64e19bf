package com.example.ats.messaging.health;

import com.example.ats.messaging.MessagingCore;
import com.example.ats.messaging.rest.Caller;
import com.example.ats.messaging.spi.HostPermissions;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /admin/health}: how the channels are doing, for administrators. */
@Singleton
@Path("/admin/health")
public final class HealthResource {
    private final MessagingCore core;
    private final HostPermissions permissions;

    @Inject
    public HealthResource(MessagingCore core, HostPermissions permissions) {
        this.core = core;
        this.permissions = permissions;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public HealthReport health(@Context ContainerRequestContext request) {
        return core.health(Caller.administrator(request, permissions).locale());
    }
}
