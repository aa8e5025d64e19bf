package com.example.ats.messaging.spi.web;

/** Decides whether a web-item or web-panel is shown to a viewer. */
public interface Condition {

    boolean shouldDisplay(WebContext context);
}
