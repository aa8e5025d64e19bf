package com.example.ats.refhost.web;

import com.example.ats.messaging.spi.web.WebContext;
import com.example.ats.refhost.candidates.Candidate;
import com.example.ats.refhost.candidates.CandidateAccess;
import com.example.ats.refhost.candidates.CandidateRepository;
import com.example.ats.refhost.plugins.WebFragments;
import com.example.ats.refhost.users.Authenticator;
import com.example.ats.refhost.users.User;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /candidates} (list with search) and {@code /candidates/{id}} (the profile, with tabs:
 * the host's overview, then every plugin web-panel of {@code candidate.profile.tabs}).
 */
public final class CandidatesServlet extends HostServlet {
    public static final String PROFILE_TABS = "candidate.profile.tabs";
    public static final String PROFILE_CONTEXT = "ats.candidate.profile";
    private static final int PAGE_SIZE = 100;

    private final transient CandidateRepository candidates;
    private final transient CandidateAccess access;
    private final transient WebFragments fragments;

    public CandidatesServlet(Pages pages, Authenticator authenticator, CandidateRepository candidates,
                             CandidateAccess access, WebFragments fragments) {
        super(pages, authenticator);
        this.candidates = candidates;
        this.access = access;
        this.fragments = fragments;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<User> user = requireAtsUser(request, response);
        if (user.isEmpty()) {
            return;
        }
        String rest = request.getPathInfo();
        if (rest == null || rest.equals("/")) {
            list(request, response, user.get());
            return;
        }
        String id = rest.substring(1);
        if (!id.matches("[0-9]{1,18}")) {
            notFound(request, response);
            return;
        }
        Optional<Candidate> candidate = candidates.findById(Long.parseLong(id));
        if (candidate.isEmpty()) {
            notFound(request, response);
            return;
        }
        if (!access.canView(user.get(), candidate.get())) {
            forbidden(request, response);
            return;
        }
        profile(request, response, candidate.get());
    }

    private void list(HttpServletRequest request, HttpServletResponse response, User user) throws IOException {
        String query = Optional.ofNullable(request.getParameter("q")).orElse("").trim();
        List<Candidate> found = candidates.search(query, access.includesConfidential(user), PAGE_SIZE);
        pages.render(request, response, Pages.Page.of("candidates", "Candidates",
                Map.of("candidates", found, "query", query)));
    }

    private void profile(HttpServletRequest request, HttpServletResponse response, Candidate candidate)
            throws IOException {
        Map<String, String> attributes = Map.of(WebContext.CANDIDATE_ID, Long.toString(candidate.id()));
        WebContext context = pages.webContext(request, attributes);
        List<WebFragments.Panel> tabs = fragments.panels(PROFILE_TABS, context);
        pages.render(request, response, Pages.Page.of("candidate", candidate.name(),
                        Map.of("candidate", candidate, "tabs", tabs))
                .withContexts(List.of(Pages.GENERAL_CONTEXT, PROFILE_CONTEXT))
                .withWebAttributes(attributes));
    }
}
