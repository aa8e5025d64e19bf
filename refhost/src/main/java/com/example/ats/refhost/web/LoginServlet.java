package com.example.ats.refhost.web;

import com.example.ats.refhost.users.Authenticator;
import com.example.ats.refhost.users.SessionStore;
import com.example.ats.refhost.users.User;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /login}: the form (fields {@code username}, {@code password}) and its post. The form is
 * protected against login CSRF with a double-submit token: a cookie and a hidden field that must
 * match.
 */
public final class LoginServlet extends HostServlet {
    static final String LOGIN_CSRF_COOKIE = "ATS_LOGIN_CSRF";

    private final transient SessionStore sessions;

    public LoginServlet(Pages pages, Authenticator authenticator, SessionStore sessions) {
        super(pages, authenticator);
        this.sessions = sessions;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<User> user = authenticator.identity(request).user();
        if (user.isPresent()) {
            response.sendRedirect(home(user.get()));
            return;
        }
        showForm(request, response, null, 200);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        if (!loginTokenMatches(request)) {
            showForm(request, response, "Your login form expired. Please try again.", 403);
            return;
        }
        Optional<User> user = authenticator.login(request.getParameter("username"), request.getParameter("password"));
        if (user.isEmpty()) {
            showForm(request, response, "Wrong user name or password.", 401);
            return;
        }
        sessions.remove(Authenticator.sessionCookie(request));
        SessionStore.Session session = sessions.create(user.get().id());
        response.addCookie(cookie(Authenticator.SESSION_COOKIE, session.id(), -1));
        response.addCookie(cookie(LOGIN_CSRF_COOKIE, "", 0));
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", home(user.get()));
    }

    static String home(User user) {
        return user.isAtsUser() ? "/dashboard" : "/portal";
    }

    private void showForm(HttpServletRequest request, HttpServletResponse response, String error, int status)
            throws IOException {
        String token = sessions.token();
        response.addCookie(cookie(LOGIN_CSRF_COOKIE, token, -1));
        pages.render(request, response, Pages.Page.of("login", "Log in", error == null
                ? Map.of("loginToken", token, "username", "")
                : Map.of("loginToken", token, "error", error, "username", value(request.getParameter("username"))))
                .withStatus(status));
    }

    private static String value(String s) {
        return s == null ? "" : s;
    }

    private static boolean loginTokenMatches(HttpServletRequest request) {
        String sent = request.getParameter("csrf");
        String cookie = null;
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (LOGIN_CSRF_COOKIE.equals(c.getName())) {
                    cookie = c.getValue();
                }
            }
        }
        return sent != null && cookie != null && !cookie.isEmpty() && MessageDigest.isEqual(
                sent.getBytes(StandardCharsets.UTF_8), cookie.getBytes(StandardCharsets.UTF_8));
    }

    static Cookie cookie(String name, String value, int maxAge) {
        Cookie cookie = new Cookie(name, value);
        cookie.setHttpOnly(true);
        cookie.setPath("/");
        cookie.setMaxAge(maxAge);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }
}
