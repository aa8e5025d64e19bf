package com.example.ats.messaging.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The plugin's i18n bundle ({@code i18n/messaging*.properties} at the bundle root, the same
 * bundle the descriptor declares for the host). Loaded through the plugin's own class loader so
 * it works inside OSGi.
 */
public final class Messages {
    public static final String BUNDLE_NAME = "i18n.messaging";

    private final ClassLoader loader;

    public Messages(ClassLoader loader) {
        this.loader = loader;
    }

    public static Messages ofPlugin() {
        return new Messages(Messages.class.getClassLoader());
    }

    /** The text for a key in the locale, formatted with {@link MessageFormat}; the key itself when missing. */
    public String text(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE_NAME, locale, loader, NO_FALLBACK_TO_DEFAULT_LOCALE).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** Every text whose key starts with the prefix, in the locale (for the browser UI). */
    public java.util.Map<String, String> all(Locale locale, String prefix) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE_NAME, locale, loader, NO_FALLBACK_TO_DEFAULT_LOCALE);
        java.util.Map<String, String> texts = new java.util.TreeMap<>();
        for (String key : bundle.keySet()) {
            if (key.startsWith(prefix)) {
                texts.put(key.substring(prefix.length()), bundle.getString(key));
            }
        }
        return texts;
    }

    // Without this, a German request on an English JVM would find messaging_en before the base file.
    private static final ResourceBundle.Control NO_FALLBACK_TO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
}
