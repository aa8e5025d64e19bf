package com.example.ats.refhost.web;

import com.example.ats.refhost.users.Authenticator;
import com.example.ats.refhost.users.User;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/** Shared guards of the host's page servlets. */
public abstract class HostServlet extends HttpServlet {
    protected final transient Pages pages;
    protected final transient Authenticator authenticator;

    protected HostServlet(Pages pages, Authenticator authenticator) {
        this.pages = pages;
        this.authenticator = authenticator;
    }

    /** The ATS user of the request; otherwise answers (login redirect or 403) and returns empty. */
    protected Optional<User> requireAtsUser(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<User> user = authenticator.identity(request).user();
        if (user.isEmpty()) {
            response.sendRedirect("/login");
            return Optional.empty();
        }
        if (!user.get().isAtsUser()) {
            forbidden(request, response);
            return Optional.empty();
        }
        return user;
    }

    /** The administrator of the request; otherwise answers (login redirect or 403) and returns empty. */
    protected Optional<User> requireAdmin(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<User> user = requireAtsUser(request, response);
        if (user.isPresent() && !user.get().isAdmin()) {
            forbidden(request, response);
            return Optional.empty();
        }
        return user;
    }

    protected void forbidden(HttpServletRequest request, HttpServletResponse response) throws IOException {
        pages.render(request, response, Pages.Page.of("message", "Not allowed",
                Map.of("heading", "Not allowed", "message", "You may not see this page.")).withStatus(403));
    }

    protected void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        pages.render(request, response, Pages.Page.of("message", "Not found",
                Map.of("heading", "Not found", "message", "There is no such page.")).withStatus(404));
    }

    /** Whether a form post carries the session's CSRF token in its {@code csrf} field. */
    protected boolean validCsrf(HttpServletRequest request) {
        String expected = authenticator.identity(request).session().map(s -> s.csrfToken()).orElse(null);
        String sent = request.getParameter("csrf");
        return expected != null && sent != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }
}
