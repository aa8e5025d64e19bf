package com.example.ats.refhost.plugins.descriptor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A parsed {@code plugin-descriptor.xml}. */
public record PluginDescriptor(String key, String nameKey, String descriptionKey, String vendor,
                               Optional<I18n> i18n, List<WebItem> webItems, List<WebPanel> webPanels,
                               List<WebResource> webResources, List<Rest> restModules) {
    public static final String FILE = "plugin-descriptor.xml";

    public PluginDescriptor {
        webItems = List.copyOf(webItems);
        webPanels = List.copyOf(webPanels);
        webResources = List.copyOf(webResources);
        restModules = List.copyOf(restModules);
    }

    /** {@code <i18n location="i18n/messaging"/>}: a resource bundle base name inside the bundle. */
    public record I18n(String key, String location) {
    }

    /** A link in a named section (e.g. {@code header}). */
    public record WebItem(String key, String section, int weight, String labelKey, String tooltipKey, String link,
                          String iconLocation, Map<String, String> params, Optional<ClassRef> condition) {
    }

    /** A Velocity fragment in a named location (e.g. {@code candidate.profile.tabs}). */
    public record WebPanel(String key, String location, int weight, String labelKey, String templateLocation,
                           Optional<ClassRef> contextProvider, Map<String, String> params,
                           Optional<ClassRef> condition) {
    }

    /** Scripts and styles pulled into pages of the given contexts. */
    public record WebResource(String key, List<String> contexts, List<Resource> resources,
                              Optional<ClassRef> condition) {
    }

    /** One file of a web-resource. */
    public record Resource(String name, String location) {
    }

    /** A servlet mounted at {@code /rest/{path}/{version}/*}. */
    public record Rest(String key, String path, String version, ClassRef servlet) {
        public String mountPoint() {
            return "/rest" + path + "/" + version;
        }
    }

    /** Every class the descriptor names, for checking them against the bundle. */
    public List<ClassRef> classRefs() {
        List<ClassRef> refs = new ArrayList<>();
        webItems.forEach(i -> i.condition().ifPresent(refs::add));
        webPanels.forEach(p -> {
            p.condition().ifPresent(refs::add);
            p.contextProvider().ifPresent(refs::add);
        });
        webResources.forEach(r -> r.condition().ifPresent(refs::add));
        restModules.forEach(r -> refs.add(r.servlet()));
        return refs;
    }
}
