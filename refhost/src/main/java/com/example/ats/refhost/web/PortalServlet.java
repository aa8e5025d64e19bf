package com.example.ats.refhost.web;

import com.example.ats.refhost.candidates.CandidateRepository;
import com.example.ats.refhost.users.Authenticator;
import com.example.ats.refhost.users.User;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@code /portal}: the candidate portal. No ATS header and nothing of any ATS plugin. */
public final class PortalServlet extends HostServlet {
    private final transient CandidateRepository candidates;

    public PortalServlet(Pages pages, Authenticator authenticator, CandidateRepository candidates) {
        super(pages, authenticator);
        this.candidates = candidates;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<User> user = authenticator.identity(request).user();
        if (user.isEmpty()) {
            response.sendRedirect("/login");
            return;
        }
        if (user.get().isAtsUser()) {
            response.sendRedirect("/dashboard");
            return;
        }
        Map<String, Object> model = new HashMap<>();
        candidates.findByPortalUser(user.get().id()).ifPresent(c -> model.put("candidate", c));
        pages.render(request, response, Pages.Page.of("portal", "Your applications", model));
    }
}
