package com.example.ats.refhost.web;

import com.example.ats.refhost.candidates.CandidateRepository;
import com.example.ats.refhost.plugins.PluginExtender;
import com.example.ats.refhost.users.Authenticator;
import com.example.ats.refhost.users.User;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/** {@code /dashboard}: the ATS landing page for recruiters and admins. */
public final class DashboardServlet extends HostServlet {
    private final transient CandidateRepository candidates;
    private final transient PluginExtender plugins;

    public DashboardServlet(Pages pages, Authenticator authenticator, CandidateRepository candidates,
                            PluginExtender plugins) {
        super(pages, authenticator);
        this.candidates = candidates;
        this.plugins = plugins;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<User> user = requireAtsUser(request, response);
        if (user.isEmpty()) {
            return;
        }
        pages.render(request, response, Pages.Page.of("dashboard", "Dashboard", Map.of(
                "candidateCount", candidates.count(),
                "pluginCount", plugins.enabledPlugins().size())));
    }
}
