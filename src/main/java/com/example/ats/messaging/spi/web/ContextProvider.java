package com.example.ats.messaging.spi.web;

import java.util.Map;

/**
 * Supplies the values a web-panel's Velocity template renders. The host HTML-escapes every
 * reference it inserts, except references whose name ends in {@code Html}, which are trusted.
 */
public interface ContextProvider {

    Map<String, Object> contextFor(WebContext context);
}
