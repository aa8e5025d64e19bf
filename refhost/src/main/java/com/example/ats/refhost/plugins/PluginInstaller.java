package com.example.ats.refhost.plugins;

import com.example.ats.refhost.plugins.descriptor.PluginDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs, updates, enables, disables and removes plugin bundles at runtime, and remembers it:
 * uploaded jars are kept in the data folder and the enabled/disabled/removed state in a file, so
 * a restart brings back the same plugins.
 */
public final class PluginInstaller {
    private static final Logger LOG = LoggerFactory.getLogger(PluginInstaller.class);
    private static final String DISABLED = "disabled";
    private static final String REMOVED = "removed";

    private final BundleContext context;
    private final Path shippedDir;
    private final Path uploadDir;
    private final Path stateFile;

    public PluginInstaller(BundleContext context, Path shippedDir, Path dataDir) {
        this.context = context;
        this.shippedDir = shippedDir;
        this.uploadDir = dataDir.resolve("plugins");
        this.stateFile = uploadDir.resolve("state.properties");
    }

    /** Installs and starts every known plugin: shipped ones, replaced by uploaded ones of the same name. */
    public void installAll() throws IOException {
        Files.createDirectories(uploadDir);
        Map<String, Path> jars = new LinkedHashMap<>();
        for (Path jar : jars(shippedDir)) {
            symbolicName(jar).ifPresent(name -> jars.put(name, jar));
        }
        for (Path jar : jars(uploadDir)) {
            symbolicName(jar).ifPresent(name -> jars.put(name, jar));
        }
        Properties state = loadState();
        List<Bundle> toStart = new ArrayList<>();
        for (Map.Entry<String, Path> jar : jars.entrySet()) {
            String mode = state.getProperty(jar.getKey(), "");
            if (mode.equals(REMOVED)) {
                continue;
            }
            try (InputStream in = Files.newInputStream(jar.getValue())) {
                Bundle bundle = context.installBundle(location(jar.getKey()), in);
                if (!mode.equals(DISABLED)) {
                    toStart.add(bundle);
                }
            } catch (BundleException e) {
                LOG.error("Plugin jar {} could not be installed: {}", jar.getValue(), e.getMessage());
            }
        }
        for (Bundle bundle : toStart) {
            start(bundle);
        }
    }

    /**
     * Installs an uploaded plugin jar, or updates the installed plugin of the same symbolic name
     * in place, and starts it.
     */
    public Bundle upload(InputStream jar) throws IOException, BundleException {
        Files.createDirectories(uploadDir);
        Path temp = Files.createTempFile(uploadDir, "upload", ".jar");
        try {
            Files.copy(jar, temp, StandardCopyOption.REPLACE_EXISTING);
            String name = symbolicName(temp).orElseThrow(() -> new BundleException(
                    "The file is not an OSGi bundle (its manifest has no Bundle-SymbolicName)"));
            if (!name.matches("[A-Za-z0-9._-]+")) {
                throw new BundleException("Unusable Bundle-SymbolicName '" + name + "'");
            }
            Path target = uploadDir.resolve(name + ".jar");
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            setState(name, null);
            Optional<Bundle> existing = Arrays.stream(context.getBundles())
                    .filter(b -> name.equals(b.getSymbolicName())).findFirst();
            Bundle bundle;
            try (InputStream in = Files.newInputStream(target)) {
                if (existing.isPresent()) {
                    bundle = existing.get();
                    bundle.update(in);
                    refresh();
                } else {
                    bundle = context.installBundle(location(name), in);
                }
            }
            bundle.start();
            return bundle;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public void enable(Bundle bundle) throws BundleException, IOException {
        setState(bundle.getSymbolicName(), null);
        bundle.start();
    }

    public void disable(Bundle bundle) throws BundleException, IOException {
        setState(bundle.getSymbolicName(), DISABLED);
        bundle.stop();
    }

    public void uninstall(Bundle bundle) throws BundleException, IOException {
        String name = bundle.getSymbolicName();
        bundle.uninstall();
        Files.deleteIfExists(uploadDir.resolve(name + ".jar"));
        setState(name, REMOVED);
        refresh();
    }

    /** Every installed bundle that carries a plugin descriptor, in any state. */
    public List<Bundle> pluginBundles() {
        return Arrays.stream(context.getBundles())
                .filter(b -> b.getBundleId() != 0 && b.getEntry(PluginDescriptor.FILE) != null)
                .toList();
    }

    private void start(Bundle bundle) {
        try {
            bundle.start();
        } catch (BundleException e) {
            LOG.error("Plugin {} could not start: {}", bundle.getSymbolicName(), e.getMessage());
        }
    }

    private void refresh() {
        // Let go of the old revisions of updated or removed bundles (and their class loaders).
        context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class).refreshBundles(null);
    }

    private static String location(String symbolicName) {
        return "plugin:" + symbolicName;
    }

    private synchronized void setState(String symbolicName, String mode) throws IOException {
        Properties state = loadState();
        if (mode == null) {
            state.remove(symbolicName);
        } else {
            state.setProperty(symbolicName, mode);
        }
        Files.createDirectories(uploadDir);
        try (Writer out = Files.newBufferedWriter(stateFile)) {
            state.store(out, "Plugins an administrator disabled or removed");
        }
    }

    private synchronized Properties loadState() throws IOException {
        Properties state = new Properties();
        if (Files.exists(stateFile)) {
            try (Reader in = Files.newBufferedReader(stateFile)) {
                state.load(in);
            }
        }
        return state;
    }

    static Optional<String> symbolicName(Path jar) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            Manifest manifest = in.getManifest();
            if (manifest == null) {
                return Optional.empty();
            }
            String value = manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
            return value == null ? Optional.empty() : Optional.of(value.split(";")[0].trim());
        }
    }

    private static List<Path> jars(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")
                    && !f.getFileName().toString().startsWith("upload")).sorted().toList();
        }
    }
}
