package com.example.ats.refhost.web;

import com.example.ats.refhost.users.Authenticator;
import com.example.ats.refhost.users.User;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** {@code /}: sends each user to their home page; any other unknown path is a 404. */
public final class RootServlet extends HostServlet {

    public RootServlet(Pages pages, Authenticator authenticator) {
        super(pages, authenticator);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/rest/")) {
            // An API that no enabled plugin provides (any more).
            response.setStatus(404);
            response.setContentType("application/json;charset=UTF-8");
            response.getOutputStream().write("{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"No API is installed at this path.\"}}"
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (!path.equals("/") && !path.isEmpty()) {
            notFound(request, response);
            return;
        }
        Optional<User> user = authenticator.identity(request).user();
        response.sendRedirect(user.map(LoginServlet::home).orElse("/login"));
    }
}
