package com.example.ats.refhost.web;

import com.example.ats.messaging.spi.HostEnvironment;
import com.example.ats.messaging.spi.web.WebContext;
import com.example.ats.refhost.plugins.WebFragments;
import com.example.ats.refhost.users.Authenticator;
import com.example.ats.refhost.users.SessionStore;
import com.example.ats.refhost.users.User;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the host's pages: a page template for the body inside the layout with the host header
 * (where {@code header} web-items appear) and the web resources of the page's contexts.
 */
public final class Pages {
    /** The context every ATS page pulls web resources for. */
    public static final String GENERAL_CONTEXT = "ats.general";
    /** The context of pages in the admin area: their web resources, and the admin navigation. */
    public static final String ADMIN_CONTEXT = "ats.admin";
    /** Where plugins add links to the admin navigation. */
    public static final String ADMIN_NAV = "admin.nav";

    private final Templates templates;
    private final WebFragments fragments;
    private final Authenticator authenticator;
    private final HostEnvironment environment;

    public Pages(Templates templates, WebFragments fragments, Authenticator authenticator, HostEnvironment environment) {
        this.templates = templates;
        this.fragments = fragments;
        this.authenticator = authenticator;
        this.environment = environment;
    }

    /** A page to render. */
    public record Page(String template, String title, Map<String, Object> model, List<String> contexts,
                       Map<String, String> webAttributes, int status) {
        public static Page of(String template, String title, Map<String, Object> model) {
            return new Page(template, title, model, List.of(GENERAL_CONTEXT), Map.of(), 200);
        }

        public Page withContexts(List<String> pageContexts) {
            return new Page(template, title, model, pageContexts, webAttributes, status);
        }

        public Page withWebAttributes(Map<String, String> attributes) {
            return new Page(template, title, model, contexts, attributes, status);
        }

        public Page withStatus(int newStatus) {
            return new Page(template, title, model, contexts, webAttributes, newStatus);
        }
    }

    public WebContext webContext(HttpServletRequest request, Map<String, String> attributes) {
        Optional<User> user = authenticator.identity(request).user();
        return new WebContext(user.map(User::toHostUser), environment.locale(request), request, attributes);
    }

    public void render(HttpServletRequest request, HttpServletResponse response, Page page) throws IOException {
        Authenticator.Identity identity = authenticator.identity(request);
        Optional<User> user = identity.user();
        WebContext webContext = webContext(request, page.webAttributes());
        boolean atsPage = user.map(User::isAtsUser).orElse(false);

        Map<String, Object> model = new HashMap<>(page.model());
        model.put("title", page.title());
        model.put("user", user.orElse(null));
        model.put("csrfToken", identity.session().map(SessionStore.Session::csrfToken).orElse(""));
        String bodyHtml = templates.render(page.template(), model);

        Map<String, Object> layout = new HashMap<>(model);
        layout.put("bodyHtml", bodyHtml);
        layout.put("atsPage", atsPage);
        layout.put("lang", environment.locale(request).getLanguage());
        layout.put("headerItems", atsPage ? fragments.items("header", webContext) : List.of());
        boolean adminArea = atsPage && page.contexts().contains(ADMIN_CONTEXT) && user.get().isAdmin();
        layout.put("adminArea", adminArea);
        layout.put("adminItems", adminArea ? fragments.items(ADMIN_NAV, webContext) : List.of());
        layout.put("path", request.getRequestURI());
        List<String> resources = atsPage ? resources(page, webContext) : List.of();
        layout.put("styles", resources.stream().filter(url -> url.contains(".css?")).toList());
        layout.put("scripts", resources.stream().filter(url -> url.contains(".js?")).toList());
        String html = templates.render("layout", layout);

        Security.pageHeaders(response);
        response.setStatus(page.status());
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }

    /** Every web-resource URL of the page's contexts; each condition is asked once per page. */
    private List<String> resources(Page page, WebContext context) {
        return page.contexts().stream()
                .flatMap(c -> fragments.resourceUrls(c, context).stream())
                .distinct()
                .toList();
    }
}
