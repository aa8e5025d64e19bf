package com.example.ats.refhost.web;

import com.example.ats.refhost.plugins.InstalledPlugin;
import com.example.ats.refhost.plugins.PluginExtender;
import com.example.ats.refhost.plugins.PluginInstaller;
import com.example.ats.refhost.users.Authenticator;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * {@code /admin/plugins}: installed plugins with their state and any problem; upload a bundle
 * jar, enable, disable or uninstall one, all at runtime. Administrators only.
 */
public final class AdminPluginsServlet extends HostServlet {
    private final transient PluginInstaller installer;
    private final transient PluginExtender extender;
    private final transient BundleContext context;
    private final transient Map<String, String> sandboxFacts;

    /** {@code sandboxFacts}: the dev sandbox's addresses and credentials to show admins; empty when it is off. */
    public AdminPluginsServlet(Pages pages, Authenticator authenticator, PluginInstaller installer,
                               PluginExtender extender, BundleContext context, Map<String, String> sandboxFacts) {
        super(pages, authenticator);
        this.installer = installer;
        this.extender = extender;
        this.context = context;
        this.sandboxFacts = Map.copyOf(sandboxFacts);
    }

    /** One row of the plugins table. */
    public record Row(long bundleId, String name, String symbolicName, String version, String state,
                      String problem, boolean active) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (requireAdmin(request, response).isPresent()) {
            show(request, response, Optional.ofNullable(request.getParameter("done")).orElse(null), null, 200);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (requireAdmin(request, response).isEmpty()) {
            return;
        }
        if (!validCsrf(request)) {
            show(request, response, null, "The form expired. Reload the page and try again.", 403);
            return;
        }
        String action = Optional.ofNullable(request.getParameter("action")).orElse("");
        try {
            String done = switch (action) {
                case "upload" -> upload(request);
                case "enable", "disable", "uninstall" -> change(action, bundle(request));
                default -> throw new IllegalArgumentException("Unknown action '" + action + "'");
            };
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", "/admin/plugins?done=" + java.net.URLEncoder.encode(done, "UTF-8"));
        } catch (BundleException | IllegalArgumentException e) {
            show(request, response, null, e.getMessage(), 400);
        }
    }

    private String upload(HttpServletRequest request) throws IOException, ServletException, BundleException {
        Part part = request.getPart("bundle");
        if (part == null || part.getSize() == 0) {
            throw new IllegalArgumentException("Choose a plugin jar to upload.");
        }
        try (InputStream in = part.getInputStream()) {
            Bundle bundle = installer.upload(in);
            return "Installed " + bundle.getSymbolicName() + " " + bundle.getVersion() + ".";
        }
    }

    private String change(String action, Bundle bundle) throws BundleException, IOException {
        String name = bundle.getSymbolicName();
        switch (action) {
            case "enable" -> installer.enable(bundle);
            case "disable" -> installer.disable(bundle);
            default -> installer.uninstall(bundle);
        }
        return name + ": " + action + "d.";
    }

    private Bundle bundle(HttpServletRequest request) {
        String id = Optional.ofNullable(request.getParameter("bundleId")).orElse("");
        if (!id.matches("[0-9]{1,18}")) {
            throw new IllegalArgumentException("No plugin chosen.");
        }
        Bundle bundle = context.getBundle(Long.parseLong(id));
        if (bundle == null || installer.pluginBundles().stream().noneMatch(b -> b.getBundleId() == bundle.getBundleId())) {
            throw new IllegalArgumentException("There is no plugin " + id + ".");
        }
        return bundle;
    }

    private void show(HttpServletRequest request, HttpServletResponse response, String done, String error, int status)
            throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("rows", rows(request));
        model.put("sandboxFacts", new java.util.TreeMap<>(sandboxFacts));
        if (done != null) {
            model.put("done", done);
        }
        if (error != null) {
            model.put("error", error);
        }
        pages.render(request, response, Pages.Page.of("plugins", "Plugins", model)
                .withContexts(List.of(Pages.GENERAL_CONTEXT, Pages.ADMIN_CONTEXT)).withStatus(status));
    }

    private List<Row> rows(HttpServletRequest request) {
        Locale locale = request.getLocale();
        List<Row> rows = new ArrayList<>();
        for (Bundle bundle : installer.pluginBundles()) {
            Optional<InstalledPlugin> plugin = extender.plugin(bundle.getBundleId());
            Optional<String> runtimeProblem = plugin.filter(InstalledPlugin::isEnabled)
                    .flatMap(p -> extender.runtimeProblem(p, locale));
            String state = switch (bundle.getState()) {
                case Bundle.ACTIVE -> plugin.map(p -> p.isEnabled() && runtimeProblem.isEmpty() ? "Enabled" : "Failed")
                        .orElse("Starting");
                case Bundle.RESOLVED, Bundle.INSTALLED -> "Disabled";
                case Bundle.STARTING -> "Starting";
                case Bundle.STOPPING -> "Stopping";
                default -> "Unknown";
            };
            String problem = plugin.flatMap(InstalledPlugin::problem).or(() -> runtimeProblem).orElse(
                    bundle.getState() == Bundle.INSTALLED ? "Not resolved: a package or service it needs is missing" : "");
            rows.add(new Row(bundle.getBundleId(), plugin.map(p -> p.name(locale)).orElse(bundle.getSymbolicName()),
                    bundle.getSymbolicName(), bundle.getVersion().toString(), state, problem,
                    bundle.getState() == Bundle.ACTIVE));
        }
        return rows;
    }
}
