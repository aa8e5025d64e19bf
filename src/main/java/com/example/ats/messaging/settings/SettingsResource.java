package com.example.ats.messaging.settings;

import com.example.ats.messaging.rest.ApiException;
import com.example.ats.messaging.rest.Caller;
import com.example.ats.messaging.spi.HostPermissions;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import com.example.ats.messaging.MessagingCore;
import com.example.ats.messaging.outbox.SendOutcome;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
    private final MessagingCore core;

    @Inject
    public SettingsResource(SettingsService settings, HostPermissions permissions, MessagingCore core) {
        this.settings = settings;
        this.permissions = permissions;
        this.core = core;
    }

    /** {@code {"to":"..."}}: where a test email or text goes. */
    public record TestRequest(String to) {
    }

    /** {@code {"ok":bool,"message":"..."}}: the provider took it, or what it said, in words. */
    public record TestResult(boolean ok, String code, String message) {
    }

    /** Sends a test email with the settings in effect; 200 with the outcome (a provider's refusal is not a bad request). */
    @POST
    @Path("/test-email")
    @Consumes(MediaType.APPLICATION_JSON)
    public TestResult testEmail(@Context ContainerRequestContext request, TestRequest test) {
        Caller.administrator(request, permissions);
        String to = test == null || test.to() == null ? "" : test.to().strip();
        if (!SettingKeys.isEmailAddress(to)) {
            throw new ApiException(400, "INVALID_EMAIL", "messaging.error.test.email");
        }
        return result(core.emailDispatcher().sendTest(to), "The test email was accepted by the mail server.");
    }

    /** Sends a test text with the settings in effect. */
    @POST
    @Path("/test-sms")
    @Consumes(MediaType.APPLICATION_JSON)
    public TestResult testSms(@Context ContainerRequestContext request, TestRequest test) {
        Caller.administrator(request, permissions);
        String to = test == null || test.to() == null ? "" : test.to().strip();
        if (to.isEmpty()) {
            throw new ApiException(400, "INVALID_PHONE", "messaging.error.test.sms");
        }
        return result(core.smsDispatcher().sendTest(to), "Twilio accepted the test text.");
    }

    private static TestResult result(SendOutcome outcome, String success) {
        if (outcome instanceof SendOutcome.Sent) {
            return new TestResult(true, null, success);
        }
        if (outcome instanceof SendOutcome.Failed failed) {
            return new TestResult(false, failed.code(), failed.reason());
        }
        if (outcome instanceof SendOutcome.TryLater later) {
            return new TestResult(false, later.code(), later.reason());
        }
        SendOutcome.Uncertain uncertain = (SendOutcome.Uncertain) outcome;
        return new TestResult(false, uncertain.code(), uncertain.reason());
    }

    /** {@code {"settings":{...}}}: the changes. */
    public record Update(Map<String, String> settings) {
    }

    @GET
    public SettingsService.View get(@Context ContainerRequestContext request) {
        Caller.administrator(request, permissions);
        return settings.view();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public SettingsService.View put(@Context ContainerRequestContext request, Update update) {
        Caller caller = Caller.administrator(request, permissions);
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
}
