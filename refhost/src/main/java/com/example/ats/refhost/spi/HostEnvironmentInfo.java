package com.example.ats.refhost.spi;

import com.example.ats.messaging.spi.HostEnvironment;
import com.example.ats.refhost.users.Authenticator;
import com.example.ats.refhost.users.User;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/** Facts about this host for plugins: base URL, locale of a request, sandbox. */
public final class HostEnvironmentInfo implements HostEnvironment {
    /** Languages the host's pages exist in. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

    private final URI baseUrl;
    private final Authenticator authenticator;
    private final boolean sandbox;

    public HostEnvironmentInfo(URI baseUrl, Authenticator authenticator, boolean sandbox) {
        this.baseUrl = baseUrl;
        this.authenticator = authenticator;
        this.sandbox = sandbox;
    }

    @Override
    public URI baseUrl() {
        return baseUrl;
    }

    @Override
    public Locale locale(HttpServletRequest request) {
        return authenticator.identity(request).user().map(User::locale)
                .orElseGet(() -> supported(request.getLocale()));
    }

    static Locale supported(Locale requested) {
        if (requested == null) {
            return Locale.ENGLISH;
        }
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(requested.getLanguage()))
                .findFirst().orElse(Locale.ENGLISH);
    }

    @Override
    public boolean sandboxEnabled() {
        return sandbox;
    }
}
