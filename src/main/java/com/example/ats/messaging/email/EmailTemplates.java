package com.example.ats.messaging.email;

import com.example.ats.messaging.osgi.BundleClassLoaderScope;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.app.event.implement.EscapeHtmlReference;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;

/**
 * The plugin's email templates ({@code /email/*.vm} in the bundle), rendered with Velocity in
 * strict mode. HTML templates escape every reference, so nothing a recruiter or candidate typed can
 * become markup; plain-text templates take values as they are.
 */
public final class EmailTemplates {
    private final VelocityEngine engine;

    public EmailTemplates() {
        Properties properties = new Properties();
        properties.setProperty(RuntimeConstants.RESOURCE_LOADERS, "class");
        properties.setProperty("resource.loader.class.class", ClasspathResourceLoader.class.getName());
        properties.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "true");
        properties.setProperty(RuntimeConstants.INPUT_ENCODING, "UTF-8");
        // Velocity loads its parts and templates through the thread's context class loader first;
        // in a host that has its own Velocity that would mix two copies, so it always sees ours.
        try (BundleClassLoaderScope ignored = BundleClassLoaderScope.enter(EmailTemplates.class)) {
            engine = new VelocityEngine(properties);
            engine.init();
        }
    }

    public String html(String name, Map<String, ?> model) {
        VelocityContext context = new VelocityContext(new HashMap<>(model));
        EventCartridge escaping = new EventCartridge();
        escaping.addEventHandler(new EscapeHtmlReference());
        escaping.attachToContext(context);
        return render("email/" + name + ".html.vm", context);
    }

    public String text(String name, Map<String, ?> model) {
        return render("email/" + name + ".txt.vm", new VelocityContext(new HashMap<>(model)));
    }

    private String render(String path, VelocityContext context) {
        try (BundleClassLoaderScope ignored = BundleClassLoaderScope.enter(EmailTemplates.class)) {
            Template template = engine.getTemplate(path, "UTF-8");
            StringWriter out = new StringWriter();
            template.merge(context, out);
            return out.toString();
        }
    }
}
