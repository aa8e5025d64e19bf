package com.example.ats.messaging.web;

import com.example.ats.messaging.i18n.Messages;
import com.example.ats.messaging.rest.Caller;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** {@code GET /texts}: the browser UI's texts ({@code messaging.ui.*}, reasons) in the caller's language. */
@Singleton
@Path("/texts")
public final class TextsResource {
    private final Messages messages = Messages.ofPlugin();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> texts(@Context ContainerRequestContext request) {
        Caller caller = Caller.of(request);
        java.util.Locale locale = caller.locale();
        Map<String, String> texts = new java.util.TreeMap<>(messages.all(locale, "messaging.ui."));
        // Why a channel is closed (NO_PHONE, OPTED_OUT, ...), as "reason.CODE".
        messages.all(locale, "messaging.reason.").forEach((code, text) -> texts.put("reason." + code, text));
        // Dates and times are shown in the user's language and time zone (from the host), not the browser's.
        texts.put("_locale", locale.toLanguageTag());
        texts.put("_timeZone", caller.user().timeZone().getId());
        return texts;
    }
}
