package com.example.ats.messaging.spi;

import jakarta.servlet.http.HttpServletRequest;

/** Resolves the host user behind a request (session cookie or HTTP Basic). */
public interface HostAuthentication {

    RequestIdentity identify(HttpServletRequest request);
}
