package com.example.ats.refhost.web;

import com.example.ats.messaging.spi.web.WebContext;
import com.example.ats.refhost.candidates.Candidate;
import com.example.ats.refhost.candidates.CandidateAccess;
import com.example.ats.refhost.candidates.CandidateChanges;
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
    private final transient CandidateChanges changes;

    public CandidatesServlet(Pages pages, Authenticator authenticator, CandidateRepository candidates,
                             CandidateAccess access, WebFragments fragments, CandidateChanges changes) {
        super(pages, authenticator);
        this.candidates = candidates;
        this.access = access;
        this.fragments = fragments;
        this.changes = changes;
    }

    /** Administrators delete, merge or edit a candidate from the profile (plugins hear of it). */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<User> user = requireAtsUser(request, response);
        if (user.isEmpty()) {
            return;
        }
        String rest = Optional.ofNullable(request.getPathInfo()).orElse("");
        if (!user.get().isAdmin() || !validCsrf(request) || !rest.matches("/[0-9]{1,18}")) {
            forbidden(request, response);
            return;
        }
        long id = Long.parseLong(rest.substring(1));
        String action = Optional.ofNullable(request.getParameter("action")).orElse("");
        boolean done = switch (action) {
            case "delete" -> changes.delete(id);
            case "merge" -> parseId(request.getParameter("into")).map(into -> changes.merge(id, into)).orElse(false);
            case "contact" -> changes.updateContact(id, blankToNull(request.getParameter("email")),
                    blankToNull(request.getParameter("phone")), "yes".equals(request.getParameter("smsOptIn")));
            default -> false;
        };
        if (!done) {
            pages.render(request, response, Pages.Page.of("message", "Not changed", Map.of("heading", "Not changed",
                    "message", "The candidate could not be changed (unknown candidate or action).")).withStatus(400));
            return;
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", action.equals("contact") ? "/candidates/" + id : "/candidates");
    }

    private static Optional<Long> parseId(String text) {
        return text != null && text.trim().matches("[0-9]{1,18}") ? Optional.of(Long.parseLong(text.trim())) : Optional.empty();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
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
