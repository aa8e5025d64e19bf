package com.example.ats.refhost.web;

import java.io.Reader;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;
import org.owasp.encoder.Encode;

/**
 * Velocity for the host's pages and for plugins' web-panel templates. Every inserted reference
 * is HTML-escaped unless its name ends in {@code Html} (values the host built safely itself), so
 * a template cannot forget to escape.
 */
public final class Templates {
    private final VelocityEngine engine;

    public Templates() {
        Properties properties = new Properties();
        properties.setProperty("resource.loaders", "class");
        properties.setProperty("resource.loader.class.class",
                "org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader");
        properties.setProperty("resource.loader.class.cache", "true");
        properties.setProperty("resource.default_encoding", "UTF-8");
        properties.setProperty("runtime.strict_mode.enable", "false");
        engine = new VelocityEngine(properties);
        engine.init();
    }

    /** Renders a host template from the class path ({@code templates/NAME.vm}). */
    public String render(String name, Map<String, Object> model) {
        Template template = engine.getTemplate("templates/" + name + ".vm", "UTF-8");
        StringWriter out = new StringWriter();
        template.merge(escapingContext(model), out);
        return out.toString();
    }

    /** Renders a template text from elsewhere (a plugin bundle), named for error messages. */
    public String evaluate(String logName, Reader template, Map<String, Object> model) {
        StringWriter out = new StringWriter();
        engine.evaluate(escapingContext(model), out, logName, template);
        return out.toString();
    }

    private static VelocityContext escapingContext(Map<String, Object> model) {
        // VelocityContext writes into the map it is given: hand it a copy.
        VelocityContext context = new VelocityContext(new HashMap<>(model));
        EventCartridge cartridge = new EventCartridge();
        cartridge.addReferenceInsertionEventHandler(new HtmlEscaper());
        cartridge.attachToContext(context);
        return context;
    }

    static final class HtmlEscaper implements ReferenceInsertionEventHandler {
        @Override
        public Object referenceInsert(Context context, String reference, Object value) {
            if (value == null || isTrusted(reference)) {
                return value;
            }
            return Encode.forHtml(value.toString());
        }

        static boolean isTrusted(String reference) {
            String name = reference.replaceAll("[${}!]", "");
            int dot = name.lastIndexOf('.');
            String last = dot >= 0 ? name.substring(dot + 1) : name;
            int paren = last.indexOf('(');
            if (paren >= 0) {
                last = last.substring(0, paren);
            }
            return last.endsWith("Html");
        }
    }
}
