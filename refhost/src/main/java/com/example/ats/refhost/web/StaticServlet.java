package com.example.ats.refhost.web;

import com.example.ats.refhost.plugins.WebFragments;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Static files: the host's own under {@code /static/*} (from its class path) and plugins' web
 * resources under {@code /plugins/static/{pluginKey}/{location}} (only files a descriptor declares).
 */
public final class StaticServlet extends HttpServlet {
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css;charset=UTF-8",
            "js", "text/javascript;charset=UTF-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon");

    private final transient WebFragments fragments;
    private final boolean pluginFiles;

    private StaticServlet(WebFragments fragments, boolean pluginFiles) {
        this.fragments = fragments;
        this.pluginFiles = pluginFiles;
    }

    public static StaticServlet hostFiles() {
        return new StaticServlet(null, false);
    }

    public static StaticServlet pluginFiles(WebFragments fragments) {
        return new StaticServlet(fragments, true);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = Optional.ofNullable(request.getPathInfo()).orElse("");
        if (path.contains("..") || path.length() < 2) {
            response.sendError(404);
            return;
        }
        Optional<URL> file = pluginFiles ? pluginFile(path.substring(1)) : hostFile(path.substring(1));
        String extension = path.substring(path.lastIndexOf('.') + 1);
        if (file.isEmpty() || !TYPES.containsKey(extension)) {
            response.sendError(404);
            return;
        }
        response.setContentType(TYPES.get(extension));
        response.setHeader("X-Content-Type-Options", "nosniff");
        // URLs carry the bundle's version (?v=), so a changed file has a new URL.
        response.setHeader("Cache-Control", request.getParameter("v") != null ? "public, max-age=86400" : "no-cache");
        try (InputStream in = file.get().openStream()) {
            in.transferTo(response.getOutputStream());
        }
    }

    private Optional<URL> pluginFile(String rest) {
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        String pluginKey = URLDecoder.decode(rest.substring(0, slash), StandardCharsets.UTF_8);
        return fragments.publicEntry(pluginKey, rest.substring(slash + 1));
    }

    private static Optional<URL> hostFile(String name) {
        if (!name.matches("[A-Za-z0-9_-]+\\.[a-z]+")) {
            return Optional.empty();
        }
        return Optional.ofNullable(StaticServlet.class.getClassLoader().getResource("static/" + name));
    }
}
