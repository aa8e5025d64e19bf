package com.example.ats.messaging.spi;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;

/** Facts about the running host. */
public interface HostEnvironment {

    /** Service property on the {@link javax.sql.DataSource} the host lends to plugins. */
    String DATASOURCE_PROPERTY = "ats.datasource";
    /** Value of {@link #DATASOURCE_PROPERTY} for the plugins' data source. */
    String DATASOURCE_PLUGINS = "plugins";

    /** The host's public base URL, without a trailing slash (e.g. {@code http://127.0.0.1:8080}). */
    URI baseUrl();

    /** The locale to answer this request in (the user's, else the request's, else English). */
    Locale locale(HttpServletRequest request);

    /** Whether the dev sandbox (local mail and SMS stand-ins) is running. */
    boolean sandboxEnabled();
}
