package com.example.ats.refhost.plugins;

import com.example.ats.messaging.spi.PluginStatus;
import com.example.ats.messaging.spi.web.Condition;
import com.example.ats.messaging.spi.web.ContextProvider;
import com.example.ats.refhost.plugins.descriptor.ClassRef;
import com.example.ats.refhost.plugins.descriptor.DescriptorException;
import com.example.ats.refhost.plugins.descriptor.DescriptorParser;
import com.example.ats.refhost.plugins.descriptor.PluginDescriptor;
import jakarta.servlet.Servlet;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extender: when a bundle with a {@code plugin-descriptor.xml} becomes active, reads and
 * checks the descriptor and brings its modules to life; when it stops, removes them. A broken
 * descriptor or a missing class disables only that plugin, with the file, line and problem.
 */
public final class PluginExtender {
    private static final Logger LOG = LoggerFactory.getLogger(PluginExtender.class);

    private final BundleContext hostContext;
    private final Map<Long, InstalledPlugin> plugins = new ConcurrentHashMap<>();
    private final Map<Long, List<RestMount>> restMounts = new ConcurrentHashMap<>();
    private final BundleTracker<InstalledPlugin> tracker;
    private final ModuleServices services;

    private record RestMount(String key, String className, RestModuleServlet servlet,
                             ServiceRegistration<Servlet> registration) {
    }

    public PluginExtender(BundleContext hostContext) {
        this.hostContext = hostContext;
        this.services = new ModuleServices(hostContext);
        this.tracker = new BundleTracker<>(hostContext, Bundle.ACTIVE, null) {
            @Override
            public InstalledPlugin addingBundle(Bundle bundle, BundleEvent event) {
                return bundle.getEntry(PluginDescriptor.FILE) == null ? null : activate(bundle);
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, InstalledPlugin plugin) {
                deactivate(bundle);
            }
        };
    }

    public void open() {
        tracker.open();
    }

    public void close() {
        tracker.close();
    }

    /** Active plugin bundles, enabled or failed. */
    public Collection<InstalledPlugin> plugins() {
        return List.copyOf(plugins.values());
    }

    public Optional<InstalledPlugin> plugin(long bundleId) {
        return Optional.ofNullable(plugins.get(bundleId));
    }

    /** Enabled plugins only. */
    public List<InstalledPlugin> enabledPlugins() {
        return plugins.values().stream().filter(InstalledPlugin::isEnabled).toList();
    }

    /**
     * Why an enabled plugin does not work, at this moment: what the plugin says of itself (an
     * {@link PluginStatus} service of its bundle), else a REST module whose component is not running.
     */
    public Optional<String> runtimeProblem(InstalledPlugin plugin, Locale locale) {
        Bundle bundle = plugin.bundle();
        try {
            Optional<String> reported = services.firstAnswer(bundle, PluginStatus.class, status -> status.problem(locale));
            if (reported.isPresent()) {
                return reported;
            }
        } catch (RuntimeException e) {
            LOG.warn("The status service of plugin {} failed", plugin.key(), e);
            return Optional.of("Its status cannot be read: " + e);
        }
        return restMounts.getOrDefault(bundle.getBundleId(), List.of()).stream()
                .filter(mount -> !mount.servlet().isServing())
                .findFirst()
                .map(mount -> "Its REST module '" + mount.key() + "' is not running: the component "
                        + mount.className() + " is still starting or did not start (see the log).");
    }

    private InstalledPlugin activate(Bundle bundle) {
        InstalledPlugin plugin;
        try {
            PluginDescriptor descriptor = read(bundle);
            checkClasses(bundle, descriptor);
            checkResources(bundle, descriptor);
            mountRest(bundle, descriptor);
            plugin = InstalledPlugin.enabled(bundle, descriptor);
            LOG.info("Plugin {} ({} {}) enabled", descriptor.key(), bundle.getSymbolicName(), bundle.getVersion());
        } catch (DescriptorException e) {
            plugin = InstalledPlugin.failed(bundle, e.getMessage());
            LOG.error("Plugin {} disabled: {}", bundle.getSymbolicName(), e.getMessage());
        }
        plugins.put(bundle.getBundleId(), plugin);
        return plugin;
    }

    private void deactivate(Bundle bundle) {
        plugins.remove(bundle.getBundleId());
        List<RestMount> mounts = restMounts.remove(bundle.getBundleId());
        if (mounts != null) {
            mounts.forEach(PluginExtender::unmount);
        }
        LOG.info("Plugin bundle {} stopped; its modules are gone", bundle.getSymbolicName());
    }

    private static PluginDescriptor read(Bundle bundle) throws DescriptorException {
        URL entry = bundle.getEntry(PluginDescriptor.FILE);
        String file = bundle.getSymbolicName() + "!/" + PluginDescriptor.FILE;
        try (InputStream in = entry.openStream()) {
            return new DescriptorParser(file).parse(in);
        } catch (IOException e) {
            throw new DescriptorException(file, 0, "cannot be read: " + e.getMessage());
        }
    }

    /** Every class the descriptor names must exist in the bundle and be of the module's type. */
    private static void checkClasses(Bundle bundle, PluginDescriptor descriptor) throws DescriptorException {
        String file = bundle.getSymbolicName() + "!/" + PluginDescriptor.FILE;
        for (PluginDescriptor.WebItem item : descriptor.webItems()) {
            check(bundle, file, item.condition(), Condition.class);
        }
        for (PluginDescriptor.WebPanel panel : descriptor.webPanels()) {
            check(bundle, file, panel.condition(), Condition.class);
            check(bundle, file, panel.contextProvider(), ContextProvider.class);
        }
        for (PluginDescriptor.WebResource resource : descriptor.webResources()) {
            check(bundle, file, resource.condition(), Condition.class);
        }
        for (PluginDescriptor.Rest rest : descriptor.restModules()) {
            check(bundle, file, Optional.of(rest.servlet()), Servlet.class);
        }
    }

    private static void check(Bundle bundle, String file, Optional<ClassRef> ref, Class<?> type)
            throws DescriptorException {
        if (ref.isEmpty()) {
            return;
        }
        ClassRef classRef = ref.get();
        Class<?> loaded;
        try {
            loaded = bundle.loadClass(classRef.className());
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new DescriptorException(file, classRef.line(), "class " + classRef.className()
                    + " is not in the bundle");
        }
        if (!type.isAssignableFrom(loaded)) {
            throw new DescriptorException(file, classRef.line(), "class " + classRef.className()
                    + " does not implement " + type.getName() + " (of this host)");
        }
    }

    /** Templates, icons and web resources must be in the bundle. */
    private static void checkResources(Bundle bundle, PluginDescriptor descriptor) throws DescriptorException {
        String file = bundle.getSymbolicName() + "!/" + PluginDescriptor.FILE;
        List<String> locations = new ArrayList<>();
        descriptor.webPanels().forEach(p -> locations.add(p.templateLocation()));
        descriptor.webItems().forEach(i -> {
            if (i.iconLocation() != null) {
                locations.add(i.iconLocation());
            }
        });
        descriptor.webResources().forEach(r -> r.resources().forEach(f -> locations.add(f.location())));
        for (String location : locations) {
            if (bundle.getEntry(location) == null) {
                throw new DescriptorException(file, 0, "'" + location + "' is named but not in the bundle");
            }
        }
    }

    private void mountRest(Bundle bundle, PluginDescriptor descriptor) throws DescriptorException {
        List<RestMount> mounts = new ArrayList<>();
        try {
            for (PluginDescriptor.Rest rest : descriptor.restModules()) {
                RestModuleServlet servlet = new RestModuleServlet(hostContext,
                        ModuleServices.filter(Servlet.class, bundle, rest.servlet().className()), rest.mountPoint());
                Dictionary<String, Object> properties = new Hashtable<>();
                properties.put("osgi.http.whiteboard.servlet.pattern", rest.mountPoint() + "/*");
                properties.put("osgi.http.whiteboard.servlet.name", descriptor.key() + ":" + rest.key());
                properties.put("osgi.http.whiteboard.servlet.asyncSupported", true);
                ServiceRegistration<Servlet> registration = hostContext.registerService(Servlet.class, servlet, properties);
                servlet.open();
                mounts.add(new RestMount(rest.key(), rest.servlet().className(), servlet, registration));
            }
        } catch (InvalidSyntaxException e) {
            mounts.forEach(PluginExtender::unmount);
            throw new DescriptorException(bundle.getSymbolicName() + "!/" + PluginDescriptor.FILE, 0,
                    "a rest module class name cannot be looked up: " + e.getMessage());
        }
        restMounts.put(bundle.getBundleId(), mounts);
    }

    private static void unmount(RestMount mount) {
        try {
            mount.registration().unregister();
        } catch (IllegalStateException alreadyGone) {
            // The framework is shutting down and has unregistered it already.
        }
        mount.servlet().close();
    }
}
