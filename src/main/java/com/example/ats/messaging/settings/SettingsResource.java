package com.example.ats.messaging.settings;

import com.example.ats.messaging.rest.ApiException;
import com.example.ats.messaging.rest.Caller;
import com.example.ats.messaging.spi.HostPermissions;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET/PUT /admin/settings} (CONTRACT §3), administrators only: {@code {"settings":{key:value|null},
 * "secrets":{key:bool}}}. PUT takes {@code {"settings":{key:value}}}: only the keys given change (a
 * blank value clears one), secrets included and never returned; every problem comes back at once
 * as 400 {@code INVALID_SETTINGS} with {@code "fields":{key:problem}}, and then nothing is saved.
 */
@Singleton
@Path("/admin/settings")
@Produces(MediaType.APPLICATION_JSON)
public final class SettingsResource {
    private final SettingsService settings;
    private final HostPermissions permissions;

    @Inject
    public SettingsResource(SettingsService settings, HostPermissions permissions) {
        this.settings = settings;
        this.permissions = permissions;
    }

    /** {@code {"settings":{...}}}: the changes. */
    public record Update(Map<String, String> settings) {
    }

    @GET
    public SettingsService.View get(@Context ContainerRequestContext request) {
        requireAdministrator(request);
        return settings.view();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public SettingsService.View put(@Context ContainerRequestContext request, Update update) {
        Caller caller = requireAdministrator(request);
        if (update == null || update.settings() == null) {
            throw new ApiException(400, "SETTINGS_REQUIRED", "messaging.error.settings.required");
        }
        try {
            settings.update(new LinkedHashMap<>(update.settings()), caller.user().id());
        } catch (SettingsService.InvalidSettings invalid) {
            throw new ApiException(400, "INVALID_SETTINGS", "messaging.error.settings.invalid")
                    .withFields(invalid.problems());
        }
        return settings.view();
    }

    private Caller requireAdministrator(ContainerRequestContext request) {
        Caller caller = Caller.of(request);
        if (!permissions.canAdministerPlugins(caller.user())) {
            throw ApiException.forbidden();
        }
        return caller;
    }
}
