package com.example.ats.refhost.plugins;

import com.example.ats.refhost.plugins.descriptor.PluginDescriptor;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;

/**
 * A started bundle with a plugin descriptor: either enabled (its modules are live) or failed
 * (with the reason, and none of its modules live).
 */
public final class InstalledPlugin {
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Bundle bundle;
    private final PluginDescriptor descriptor;
    private final String problem;

    private InstalledPlugin(Bundle bundle, PluginDescriptor descriptor, String problem) {
        this.bundle = bundle;
        this.descriptor = descriptor;
        this.problem = problem;
    }

    static InstalledPlugin enabled(Bundle bundle, PluginDescriptor descriptor) {
        return new InstalledPlugin(bundle, descriptor, null);
    }

    static InstalledPlugin failed(Bundle bundle, String problem) {
        return new InstalledPlugin(bundle, null, problem);
    }

    public Bundle bundle() {
        return bundle;
    }

    public Optional<PluginDescriptor> descriptor() {
        return Optional.ofNullable(descriptor);
    }

    public boolean isEnabled() {
        return descriptor != null;
    }

    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** The plugin key (from the descriptor), else the bundle's symbolic name. */
    public String key() {
        return descriptor != null ? descriptor.key() : bundle.getSymbolicName();
    }

    /** A text from the plugin's i18n bundle; the key itself when it has none. */
    public String text(String key, Locale locale) {
        if (key == null) {
            return "";
        }
        if (descriptor == null || descriptor.i18n().isEmpty()) {
            return key;
        }
        try {
            ClassLoader loader = bundle.adapt(BundleWiring.class).getClassLoader();
            String base = descriptor.i18n().get().location().replace('/', '.');
            return ResourceBundle.getBundle(base, locale, loader, NO_DEFAULT_LOCALE_FALLBACK).getString(key);
        } catch (MissingResourceException | NullPointerException e) {
            // NullPointerException: the bundle stopped while a page was rendering.
            return key;
        }
    }

    /** The plugin's display name in a locale. */
    public String name(Locale locale) {
        return descriptor != null && descriptor.nameKey() != null ? text(descriptor.nameKey(), locale)
                : bundle.getSymbolicName();
    }
}
