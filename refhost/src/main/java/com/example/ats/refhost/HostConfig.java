package com.example.ats.refhost;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * How the host runs. Read from command-line flags, else environment variables, else defaults
 * (see README).
 *
 * @param host           interface to listen on
 * @param port           HTTP port (0 = any free port, for tests)
 * @param dataDir        folder for the embedded database and Felix's cache
 * @param felixDir       folder with {@code platform/} and {@code plugins/} bundle jars
 * @param jdbcUrl        database URL; null = H2 file in dataDir
 * @param jdbcUser       database user
 * @param jdbcPassword   database password
 * @param publicBaseUrl  base URL the outside world uses; null = http://host:port
 * @param sandbox        whether the dev sandbox runs (off in production)
 * @param smtpPort       the sandbox's SMTP port
 * @param imapPort       the sandbox's IMAP port
 */
public record HostConfig(String host, int port, Path dataDir, Path felixDir, String jdbcUrl,
                         String jdbcUser, String jdbcPassword, URI publicBaseUrl, boolean sandbox,
                         int smtpPort, int imapPort) {

    public HostConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(felixDir, "felixDir");
        for (int p : new int[] {port, smtpPort, imapPort}) {
            if (p < 0 || p > 65535) {
                throw new IllegalArgumentException("ports must be 0..65535, not " + p);
            }
        }
    }

    public String effectiveJdbcUrl() {
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            return jdbcUrl;
        }
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("ats") + ";AUTO_SERVER=FALSE";
    }

    /** Parses {@code --name value} / {@code --name=value} flags over environment variables. */
    public static HostConfig from(String[] args, Map<String, String> env) {
        Map<String, String> flags = Flags.parse(args);
        String host = pick(flags, "host", env, "ATS_HOST", "127.0.0.1");
        int port = Integer.parseInt(pick(flags, "port", env, "ATS_PORT", "8080"));
        Path dataDir = Path.of(pick(flags, "data-dir", env, "ATS_DATA_DIR", "data"));
        Path felixDir = Path.of(pick(flags, "felix-dir", env, "ATS_FELIX_DIR",
                System.getProperty("refhost.felix.dir", "target/felix")));
        String jdbcUrl = pick(flags, "db-url", env, "ATS_DB_URL", null);
        String jdbcUser = pick(flags, "db-user", env, "ATS_DB_USER", "sa");
        String jdbcPassword = pick(flags, "db-password", env, "ATS_DB_PASSWORD", "");
        String baseUrl = pick(flags, "base-url", env, "ATS_BASE_URL", null);
        boolean production = Boolean.parseBoolean(pick(flags, "production", env, "ATS_PRODUCTION", "false"));
        boolean sandbox = !production && Boolean.parseBoolean(pick(flags, "sandbox", env, "ATS_SANDBOX", "true"));
        int smtpPort = Integer.parseInt(pick(flags, "smtp-port", env, "ATS_SMTP_PORT", "3025"));
        int imapPort = Integer.parseInt(pick(flags, "imap-port", env, "ATS_IMAP_PORT", "3143"));
        return new HostConfig(host, port, dataDir, felixDir, jdbcUrl, jdbcUser, jdbcPassword,
                baseUrl == null ? null : URI.create(stripSlash(baseUrl)), sandbox, smtpPort, imapPort);
    }

    private static String pick(Map<String, String> flags, String flag, Map<String, String> env, String var, String fallback) {
        String value = flags.get(flag);
        if (value == null) {
            value = env.get(var);
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
