package com.example.ats.refhost.web;

import com.example.ats.messaging.spi.web.WebContext;
import com.example.ats.refhost.plugins.WebFragments;
import com.example.ats.refhost.users.Authenticator;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /admin/pages/{pluginKey}/{panelKey}}: a plugin's page in the host's admin area, i.e. its
 * web-panel of location {@value #LOCATION} inside the host layout with the admin navigation.
 * Administrators only, whatever the plugin's own condition says; a panel whose condition hides
 * it, or that does not exist, is a 404.
 */
public final class AdminPagesServlet extends HostServlet {
    /** Where plugins declare their admin pages. */
    public static final String LOCATION = "admin.page";

    private final transient WebFragments fragments;

    public AdminPagesServlet(Pages pages, Authenticator authenticator, WebFragments fragments) {
        super(pages, authenticator);
        this.fragments = fragments;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (requireAdmin(request, response).isEmpty()) {
            return;
        }
        String[] parts = Optional.ofNullable(request.getPathInfo()).orElse("").split("/");
        if (parts.length != 3 || parts[1].isEmpty() || parts[2].isEmpty()) {
            notFound(request, response);
            return;
        }
        WebContext context = pages.webContext(request, Map.of());
        Optional<WebFragments.Panel> panel = fragments.panel(LOCATION, parts[1], parts[2], context);
        if (panel.isEmpty()) {
            notFound(request, response);
            return;
        }
        pages.render(request, response, Pages.Page.of("admin-page", panel.get().label(), Map.of("panel", panel.get()))
                .withContexts(List.of(Pages.GENERAL_CONTEXT, Pages.ADMIN_CONTEXT)));
    }
}
