package com.example.ats.refhost.felix;

import com.example.ats.messaging.spi.HostContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.felix.framework.Felix;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;

/**
 * The embedded OSGi platform: Felix with SCR, ConfigAdmin, EventAdmin and the HTTP whiteboard on
 * Jetty 12. The host's own code runs on the launcher class path; the system bundle exports the
 * packages that host and bundles must share (servlet API, slf4j, EventAdmin API and the plugin
 * SPI) so that both sides see the same classes.
 */
public final class FelixPlatform implements AutoCloseable {
    private static final String SERVLET_PACKAGES_JAKARTA =
            "jakarta.servlet;version=6.1.0,jakarta.servlet.annotation;version=6.1.0,"
                    + "jakarta.servlet.descriptor;version=6.1.0,jakarta.servlet.http;version=6.1.0";
    // Felix HTTP's legacy HttpService bridge still imports javax.servlet 3.1.
    private static final String SERVLET_PACKAGES_JAVAX =
            "javax.servlet;version=3.1.0,javax.servlet.annotation;version=3.1.0,"
                    + "javax.servlet.descriptor;version=3.1.0,javax.servlet.http;version=3.1.0";
    private static final String SERVLET_CONTRACTS =
            "osgi.contract;osgi.contract=JavaServlet;version:List<Version>=\"2.6,3.0,3.1,4.0\";"
                    + "uses:=\"javax.servlet,javax.servlet.http,javax.servlet.descriptor,javax.servlet.annotation\","
                    + "osgi.contract;osgi.contract=JakartaServlet;version:List<Version>=\"5.0,6.0,6.1\";"
                    + "uses:=\"jakarta.servlet,jakarta.servlet.http,jakarta.servlet.descriptor,jakarta.servlet.annotation\"";
    private static final String SLF4J_PACKAGES =
            "org.slf4j;version=2.0.16,org.slf4j.spi;version=2.0.16,org.slf4j.event;version=2.0.16,"
                    + "org.slf4j.helpers;version=2.0.16";
    private static final String EVENT_PACKAGES = "org.osgi.service.event;version=1.4.1";
    private static final String CONFIG_PACKAGES = "org.osgi.service.cm;version=1.6.1";

    private final Framework framework;

    private FelixPlatform(Framework framework) {
        this.framework = framework;
    }

    /**
     * Starts the framework and every platform bundle in {@code platformDir}, with Jetty on the
     * given interface and port.
     */
    public static FelixPlatform start(Path platformDir, Path cacheDir, String httpHost, int httpPort)
            throws BundleException, IOException {
        Map<String, String> properties = new HashMap<>();
        properties.put(Constants.FRAMEWORK_STORAGE, cacheDir.toAbsolutePath().toString());
        // The host re-installs its plugins from their jars at every start (see PluginInstaller),
        // so a stale cache could only disagree with them.
        properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        properties.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, String.join(",",
                SERVLET_PACKAGES_JAKARTA, SERVLET_PACKAGES_JAVAX, SLF4J_PACKAGES, EVENT_PACKAGES, CONFIG_PACKAGES,
                spiPackages()));
        // The servlet API comes from the class path, so the system bundle also offers its contracts.
        properties.put(Constants.FRAMEWORK_SYSTEMCAPABILITIES_EXTRA, SERVLET_CONTRACTS);
        properties.put("org.osgi.service.http.port", Integer.toString(httpPort));
        properties.put("org.apache.felix.http.host", httpHost);
        properties.put("org.apache.felix.http.enable", "true");
        properties.put("org.apache.felix.https.enable", "false");
        properties.put("org.apache.felix.http.jetty.sendServerHeader", "false");
        properties.put("org.apache.felix.http.name", "ats-refhost");
        properties.put("felix.log.level", "1");
        properties.put("ds.loglevel", "warn");

        Framework framework = new Felix(properties);
        framework.init();
        BundleContext context = framework.getBundleContext();
        List<Bundle> bundles = new ArrayList<>();
        for (Path jar : jarsIn(platformDir)) {
            bundles.add(context.installBundle(jar.toUri().toString()));
        }
        framework.start();
        for (Bundle bundle : bundles) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                bundle.start();
            }
        }
        return new FelixPlatform(framework);
    }

    /** The plugin SPI packages, exported at the contract version this host implements. */
    private static String spiPackages() {
        String version = HostContract.VERSION;
        return "com.example.ats.messaging.spi;version=" + version
                + ",com.example.ats.messaging.spi.web;version=" + version;
    }

    static List<Path> jarsIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("No bundle folder at " + dir.toAbsolutePath()
                    + " (build the host with 'mvn -f refhost package' first)");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }

    public BundleContext context() {
        return framework.getBundleContext();
    }

    @Override
    public void close() {
        try {
            framework.stop();
            framework.waitForStop(20_000);
        } catch (BundleException e) {
            throw new IllegalStateException("Felix did not stop cleanly", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
