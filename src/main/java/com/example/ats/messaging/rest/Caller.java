package com.example.ats.messaging.rest;

import com.example.ats.messaging.spi.HostUser;
import com.example.ats.messaging.spi.HostPermissions;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Locale;

/**
 * The authenticated ATS user behind a REST request, put on the request by {@link CallerFilter}.
 *
 * @param user   the host user
 * @param locale the language to answer in
 */
public record Caller(HostUser user, Locale locale) {
    static final String PROPERTY = Caller.class.getName();

    /** The caller of a request that passed {@link CallerFilter}. */
    public static Caller of(ContainerRequestContext request) {
        Caller caller = (Caller) request.getProperty(PROPERTY);
        if (caller == null) {
            throw ApiException.notAuthenticated();
        }
        return caller;
    }

    /** The caller, who must be allowed to administer plugins (403 otherwise). */
    public static Caller administrator(ContainerRequestContext request, HostPermissions permissions) {
        Caller caller = of(request);
        if (!permissions.canAdministerPlugins(caller.user())) {
            throw ApiException.forbidden();
        }
        return caller;
    }
}
