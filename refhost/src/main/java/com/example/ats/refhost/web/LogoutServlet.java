package com.example.ats.refhost.web;

import com.example.ats.refhost.users.Authenticator;
import com.example.ats.refhost.users.SessionStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code POST /logout}: ends the session (the form carries the CSRF token). */
public final class LogoutServlet extends HostServlet {
    private final transient SessionStore sessions;

    public LogoutServlet(Pages pages, Authenticator authenticator, SessionStore sessions) {
        super(pages, authenticator);
        this.sessions = sessions;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!validCsrf(request)) {
            forbidden(request, response);
            return;
        }
        sessions.remove(Authenticator.sessionCookie(request));
        response.addCookie(LoginServlet.cookie(Authenticator.SESSION_COOKIE, "", 0));
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", "/login");
    }
}
