package com.example.ats.messaging.spi.web;

import com.example.ats.messaging.spi.HostUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the host knows while it renders a web fragment.
 *
 * @param user       the viewer, empty when anonymous
 * @param locale     the language to render in
 * @param request    the page request
 * @param attributes location-specific values, e.g. {@value #CANDIDATE_ID} on a candidate profile
 */
public record WebContext(Optional<HostUser> user, Locale locale, HttpServletRequest request,
                         Map<String, String> attributes) {
    public static final String CANDIDATE_ID = "candidateId";

    public WebContext {
        attributes = Map.copyOf(attributes);
    }

    public Optional<String> candidateId() {
        return Optional.ofNullable(attributes.get(CANDIDATE_ID));
    }
}
