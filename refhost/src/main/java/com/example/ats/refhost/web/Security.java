package com.example.ats.refhost.web;

import jakarta.servlet.http.HttpServletResponse;

/** Response headers every host page carries. */
final class Security {
    private Security() {
    }

    static void pageHeaders(HttpServletResponse response) {
        // No inline script anywhere: host and plugin code come from files, so XSS has no foothold.
        response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; "
                + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cache-Control", "no-store");
    }
}
