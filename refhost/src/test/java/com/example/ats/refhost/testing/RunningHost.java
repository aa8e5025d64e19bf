package com.example.ats.refhost.testing;

import com.example.ats.refhost.HostConfig;
import com.example.ats.refhost.RefHost;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.osgi.framework.Bundle;

/**
 * The reference host with the freshly built plugin bundle, in a real Felix, on a free port with
 * its own data folder: how integration and browser tests see the product.
 */
public final class RunningHost implements AutoCloseable {
    public static final String PLUGIN_KEY = "com.example.ats.messaging";

    private final RefHost host;
    private final HostConfig config;
    private final Path dataDir;

    private RunningHost(RefHost host, HostConfig config, Path dataDir) {
        this.host = host;
        this.config = config;
        this.dataDir = dataDir;
    }

    public static RunningHost start() throws Exception {
        return start(Files.createTempDirectory("refhost-test"));
    }

    /** On a given data folder (a second start on the same one finds what the first left). */
    public static RunningHost start(Path dataDir) throws Exception {
        Path felixDir = Path.of(System.getProperty("refhost.felix.dir", "target/felix"));
        HostConfig config = new HostConfig("127.0.0.1", freePort(), dataDir, felixDir, null, "sa", "", null, true,
                freePort(), freePort());
        return new RunningHost(RefHost.start(config), config, dataDir);
    }

    public HostConfig config() {
        return config;
    }

    public URI baseUrl() {
        return host.baseUrl();
    }

    public RefHost host() {
        return host;
    }

    public Path dataDir() {
        return dataDir;
    }

    public HostClient client() {
        return new HostClient(baseUrl());
    }

    /** The messaging plugin's bundle. */
    public Bundle pluginBundle() {
        return bundle(PLUGIN_KEY).orElseThrow(() -> new IllegalStateException("The messaging plugin is not installed"));
    }

    public Optional<Bundle> bundle(String symbolicName) {
        for (Bundle bundle : host.context().getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return Optional.of(bundle);
            }
        }
        return Optional.empty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        host.close();
    }
}
