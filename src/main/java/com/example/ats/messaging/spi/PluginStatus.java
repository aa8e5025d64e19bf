package com.example.ats.messaging.spi;

import java.util.Locale;
import java.util.Optional;

/**
 * A plugin's own account of whether it works, registered as a service by the plugin's bundle.
 * Hosts show it on their plugins page, so an administrator learns why a plugin that started is
 * not working (settings it cannot use, a database it cannot reach) without reading logs.
 */
public interface PluginStatus {

    /** Why the plugin cannot work right now, in words for an administrator; empty when it works. */
    Optional<String> problem(Locale locale);
}
