package com.example.ats.messaging.spi;

import java.util.Optional;

/**
 * Who made an HTTP request, and how they proved it.
 *
 * @param user          the authenticated user, empty for anonymous requests
 * @param viaSession    true when the session cookie (not HTTP Basic) authenticated the request:
 *                      state-changing requests must then carry a valid CSRF token
 * @param csrfTokenValid true when the request carries the session's CSRF token
 *                      (header {@value #CSRF_HEADER})
 */
public record RequestIdentity(Optional<HostUser> user, boolean viaSession, boolean csrfTokenValid) {
    /** Header in which browser code sends the CSRF token it finds in the page's meta tag. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** Name of the {@code <meta>} tag holding the CSRF token in every host page. */
    public static final String CSRF_META = "ats-csrf-token";

    public static RequestIdentity anonymous() {
        return new RequestIdentity(Optional.empty(), false, false);
    }

    /** Whether a state-changing request from this identity is safe from cross-site forgery. */
    public boolean mayWrite() {
        return user.isPresent() && (!viaSession || csrfTokenValid);
    }
}
