package com.example.ats.refhost.plugins;

import com.example.ats.messaging.spi.web.Condition;
import com.example.ats.messaging.spi.web.ContextProvider;
import com.example.ats.messaging.spi.web.WebContext;
import com.example.ats.refhost.plugins.descriptor.ClassRef;
import com.example.ats.refhost.plugins.descriptor.PluginDescriptor;
import com.example.ats.refhost.web.Templates;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What enabled plugins add to a page: web-items of a section, web-panels of a location and the
 * web resources of a context, each shown only when its condition allows. A plugin whose module
 * fails while rendering loses that module on this page, never the page.
 */
public final class WebFragments {
    private static final Logger LOG = LoggerFactory.getLogger(WebFragments.class);
    public static final String STATIC_PREFIX = "/plugins/static/";

    private final PluginExtender extender;
    private final ModuleServices services;
    private final Templates templates;

    public WebFragments(PluginExtender extender, ModuleServices services, Templates templates) {
        this.extender = extender;
        this.services = services;
        this.templates = templates;
    }

    /** A web-item ready to render; every value is plain text the page escapes. */
    public record Item(String pluginKey, String key, String label, String tooltip, String link, String iconUrl,
                       Map<String, String> attributes) {
    }

    /** A web-panel ready to render: {@code contentHtml} is the plugin's escaped template output. */
    public record Panel(String pluginKey, String key, String label, Map<String, String> attributes,
                        String contentHtml) {
    }

    public List<Item> items(String section, WebContext context) {
        List<Weighted<Item>> found = new ArrayList<>();
        for (InstalledPlugin plugin : extender.enabledPlugins()) {
            PluginDescriptor descriptor = plugin.descriptor().orElseThrow();
            for (PluginDescriptor.WebItem item : descriptor.webItems()) {
                if (item.section().equals(section) && allowed(plugin, item.condition(), context)) {
                    String icon = item.iconLocation() == null ? null : staticUrl(plugin, item.iconLocation());
                    found.add(new Weighted<>(item.weight(), new Item(plugin.key(), item.key(),
                            plugin.text(item.labelKey(), context.locale()),
                            item.tooltipKey() == null ? null : plugin.text(item.tooltipKey(), context.locale()),
                            item.link(), icon, item.params())));
                }
            }
        }
        return sorted(found);
    }

    public List<Panel> panels(String location, WebContext context) {
        return panels(location, (plugin, panel) -> true, context);
    }

    /** One plugin's web-panel of a location, when its condition allows it here (the others are not rendered). */
    public Optional<Panel> panel(String location, String pluginKey, String panelKey, WebContext context) {
        return panels(location, (plugin, panel) -> plugin.key().equals(pluginKey) && panel.key().equals(panelKey),
                context).stream().findFirst();
    }

    private List<Panel> panels(String location, BiPredicate<InstalledPlugin, PluginDescriptor.WebPanel> wanted,
                               WebContext context) {
        List<Weighted<Panel>> found = new ArrayList<>();
        for (InstalledPlugin plugin : extender.enabledPlugins()) {
            PluginDescriptor descriptor = plugin.descriptor().orElseThrow();
            for (PluginDescriptor.WebPanel panel : descriptor.webPanels()) {
                if (panel.location().equals(location) && wanted.test(plugin, panel)
                        && allowed(plugin, panel.condition(), context)) {
                    render(plugin, panel, context).ifPresent(html -> found.add(new Weighted<>(panel.weight(),
                            new Panel(plugin.key(), panel.key(), plugin.text(panel.labelKey(), context.locale()),
                                    panel.params(), html))));
                }
            }
        }
        return sorted(found);
    }

    /** URLs of the scripts and styles that plugins want on pages of this context. */
    public List<String> resourceUrls(String pageContext, WebContext context) {
        List<String> urls = new ArrayList<>();
        for (InstalledPlugin plugin : extender.enabledPlugins()) {
            for (PluginDescriptor.WebResource resource : plugin.descriptor().orElseThrow().webResources()) {
                if (resource.contexts().contains(pageContext) && allowed(plugin, resource.condition(), context)) {
                    resource.resources().forEach(r -> urls.add(staticUrl(plugin, r.location())));
                }
            }
        }
        return urls;
    }

    /** Whether a plugin declares this bundle entry as something pages may load. */
    public Optional<URL> publicEntry(String pluginKey, String location) {
        for (InstalledPlugin plugin : extender.enabledPlugins()) {
            if (!plugin.key().equals(pluginKey)) {
                continue;
            }
            PluginDescriptor descriptor = plugin.descriptor().orElseThrow();
            boolean declared = descriptor.webResources().stream()
                    .flatMap(r -> r.resources().stream())
                    .anyMatch(r -> r.location().equals(location))
                    || descriptor.webItems().stream().anyMatch(i -> location.equals(i.iconLocation()));
            if (declared) {
                return Optional.ofNullable(plugin.bundle().getEntry(location));
            }
        }
        return Optional.empty();
    }

    private static String staticUrl(InstalledPlugin plugin, String location) {
        // The bundle's last-modified time busts browser caches when the plugin is updated.
        return STATIC_PREFIX + URLEncoder.encode(plugin.key(), StandardCharsets.UTF_8) + "/" + location
                + "?v=" + plugin.bundle().getLastModified();
    }

    private boolean allowed(InstalledPlugin plugin, Optional<ClassRef> condition, WebContext context) {
        if (condition.isEmpty()) {
            return true;
        }
        try {
            return services.withService(plugin.bundle(), Condition.class, condition.get().className(),
                    c -> c.shouldDisplay(context)).orElse(false);
        } catch (RuntimeException e) {
            LOG.warn("Condition {} of plugin {} failed; hiding its module", condition.get().className(), plugin.key(), e);
            return false;
        }
    }

    private Optional<String> render(InstalledPlugin plugin, PluginDescriptor.WebPanel panel, WebContext context) {
        Bundle bundle = plugin.bundle();
        try {
            Map<String, Object> model = panel.contextProvider()
                    .flatMap(p -> services.withService(bundle, ContextProvider.class, p.className(),
                            provider -> provider.contextFor(context)))
                    .orElse(Map.of());
            URL template = bundle.getEntry(panel.templateLocation());
            try (Reader reader = new InputStreamReader(template.openStream(), StandardCharsets.UTF_8)) {
                return Optional.of(templates.evaluate(plugin.key() + ":" + panel.templateLocation(), reader, model));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Web-panel {} of plugin {} failed to render; leaving it out", panel.key(), plugin.key(), e);
            return Optional.empty();
        }
    }

    private record Weighted<T>(int weight, T value) {
    }

    private static <T> List<T> sorted(List<Weighted<T>> found) {
        return found.stream().sorted(Comparator.comparingInt(Weighted::weight)).map(Weighted::value).toList();
    }
}
