package com.example.ats.messaging.rest;

import com.example.ats.messaging.spi.HostAuthentication;
import com.example.ats.messaging.spi.HostEnvironment;
import com.example.ats.messaging.spi.HostUser;
import com.example.ats.messaging.spi.RequestIdentity;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.util.Set;

/**
 * Lets only ATS users through (401 for anonymous callers, 403 for candidate-portal users) and
 * refuses cookie-authenticated writes without the session's CSRF token.
 */
@Priority(Priorities.AUTHENTICATION)
public final class CallerFilter implements ContainerRequestFilter {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final HostAuthentication authentication;
    private final HostEnvironment environment;

    @Context
    private HttpServletRequest servletRequest;
    @Context
    private ResourceInfo resourceInfo;

    public CallerFilter(HostAuthentication authentication, HostEnvironment environment) {
        this.authentication = authentication;
        this.environment = environment;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        filter(request, servletRequest, isPublic());
    }

    void filter(ContainerRequestContext request, HttpServletRequest httpRequest, boolean publicEndpoint) {
        if (publicEndpoint) {
            return;
        }
        RequestIdentity identity = authentication.identify(httpRequest);
        HostUser user = identity.user().orElseThrow(ApiException::notAuthenticated);
        if (!user.isAtsUser()) {
            throw ApiException.forbidden();
        }
        if (!SAFE_METHODS.contains(request.getMethod()) && !identity.mayWrite()) {
            throw ApiException.csrfTokenInvalid();
        }
        request.setProperty(Caller.PROPERTY, new Caller(user, environment.locale(httpRequest)));
    }

    private boolean isPublic() {
        if (resourceInfo == null || resourceInfo.getResourceMethod() == null) {
            return false;
        }
        return resourceInfo.getResourceMethod().isAnnotationPresent(PublicEndpoint.class)
                || resourceInfo.getResourceClass().isAnnotationPresent(PublicEndpoint.class);
    }
}
