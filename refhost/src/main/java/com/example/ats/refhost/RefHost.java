package com.example.ats.refhost;

import com.example.ats.messaging.spi.CandidateDirectory;
import com.example.ats.messaging.spi.HostAuthentication;
import com.example.ats.messaging.spi.HostEnvironment;
import com.example.ats.messaging.spi.HostUserDirectory;
import com.example.ats.refhost.spi.HostUsers;
import com.example.ats.messaging.spi.HostPermissions;
import com.example.ats.refhost.candidates.CandidateAccess;
import com.example.ats.refhost.candidates.CandidateChanges;
import com.example.ats.refhost.candidates.CandidateRepository;
import com.example.ats.refhost.candidates.PhoneNumbers;
import com.example.ats.refhost.data.DemoData;
import com.example.ats.refhost.data.HostDatabase;
import com.example.ats.refhost.felix.FelixPlatform;
import com.example.ats.refhost.plugins.ModuleServices;
import com.example.ats.refhost.plugins.PluginExtender;
import com.example.ats.refhost.plugins.PluginInstaller;
import com.example.ats.refhost.plugins.WebFragments;
import com.example.ats.refhost.sandbox.CandidatePlayServlet;
import com.example.ats.refhost.sandbox.MailSandbox;
import com.example.ats.refhost.sandbox.SandboxPluginSettings;
import com.example.ats.refhost.sandbox.TwilioApiServlet;
import com.example.ats.refhost.sandbox.TwilioSandbox;
import com.example.ats.refhost.spi.HostCandidateDirectory;
import com.example.ats.refhost.spi.HostEnvironmentInfo;
import com.example.ats.refhost.spi.HostPermissionRules;
import com.example.ats.refhost.users.Authenticator;
import com.example.ats.refhost.users.Passwords;
import com.example.ats.refhost.users.RecentUsers;
import com.example.ats.refhost.users.SessionStore;
import com.example.ats.refhost.users.UserRepository;
import com.example.ats.refhost.web.AdminPagesServlet;
import com.example.ats.refhost.web.AdminPluginsServlet;
import com.example.ats.refhost.web.CandidatesServlet;
import com.example.ats.refhost.web.DashboardServlet;
import com.example.ats.refhost.web.LoginServlet;
import com.example.ats.refhost.web.LogoutServlet;
import com.example.ats.refhost.web.Pages;
import com.example.ats.refhost.web.PortalServlet;
import com.example.ats.refhost.web.RootServlet;
import com.example.ats.refhost.web.StaticServlet;
import com.example.ats.refhost.web.Templates;
import jakarta.servlet.Servlet;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.EventAdmin;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The running reference host: database, Felix, the services plugins consume, the extender that
 * turns plugin descriptors into modules, and the host's pages.
 */
public final class RefHost implements AutoCloseable {
    private final HostConfig config;
    private final URI baseUrl;
    private final HostDatabase database;
    private final FelixPlatform felix;
    private final PluginExtender extender;
    private final PluginInstaller installer;
    private final CandidateChanges candidateChanges;
    private final MailSandbox mail;
    private final TwilioSandbox twilio;
    private final List<ServiceRegistration<?>> registrations;

    private RefHost(HostConfig config, URI baseUrl, HostDatabase database, FelixPlatform felix,
                    PluginExtender extender, PluginInstaller installer, CandidateChanges candidateChanges,
                    MailSandbox mail, TwilioSandbox twilio, List<ServiceRegistration<?>> registrations) {
        this.config = config;
        this.baseUrl = baseUrl;
        this.database = database;
        this.felix = felix;
        this.extender = extender;
        this.installer = installer;
        this.candidateChanges = candidateChanges;
        this.mail = mail;
        this.twilio = twilio;
        this.registrations = registrations;
    }

    public static RefHost start(HostConfig config) throws Exception {
        routeJavaUtilLogging();
        Clock clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        Files.createDirectories(config.dataDir());
        URI baseUrl = config.publicBaseUrl() != null ? config.publicBaseUrl()
                : URI.create("http://" + config.host() + ":" + config.port());

        ensurePortFree(config.host(), config.port());
        if (config.sandbox()) {
            ensurePortFree(config.host(), config.smtpPort());
            ensurePortFree(config.host(), config.imapPort());
        }
        HostDatabase database = HostDatabase.open(config.effectiveJdbcUrl(), config.jdbcUser(), config.jdbcPassword());
        FelixPlatform felix = null;
        MailSandbox mail = null;
        TwilioSandbox twilio = null;
        try {
            mail = config.sandbox() ? MailSandbox.start(config.host(), config.smtpPort(), config.imapPort()) : null;
            twilio = config.sandbox() ? new TwilioSandbox(clock, Duration.ofMillis(200)) : null;
            DataSource dataSource = database.dataSource();
            PhoneNumbers phones = new PhoneNumbers("US");
            UserRepository users = new UserRepository(dataSource);
            CandidateRepository candidates = new CandidateRepository(dataSource, phones, clock);
            CandidateAccess access = new CandidateAccess();
            Passwords passwords = new Passwords(random);
            new DemoData(users, candidates, passwords).seedIfEmpty();
            SessionStore sessions = new SessionStore(random, clock);
            RecentUsers recentUsers = new RecentUsers(users, clock);
            Authenticator authenticator = new Authenticator(users, recentUsers, sessions, passwords, clock);
            HostEnvironmentInfo environment = new HostEnvironmentInfo(baseUrl, authenticator, config.sandbox());

            felix = FelixPlatform.start(config.felixDir().resolve("platform"), config.dataDir().resolve("felix-cache"),
                    config.host(), config.port());
            BundleContext context = felix.context();
            List<ServiceRegistration<?>> registrations = new ArrayList<>();
            registrations.add(context.registerService(CandidateDirectory.class,
                    new HostCandidateDirectory(candidates, recentUsers, access, phones), null));
            registrations.add(context.registerService(HostPermissions.class,
                    new HostPermissionRules(candidates, recentUsers, access), null));
            registrations.add(context.registerService(HostAuthentication.class, authenticator, null));
            registrations.add(context.registerService(HostUserDirectory.class, new HostUsers(recentUsers), null));
            registrations.add(context.registerService(HostEnvironment.class, environment, null));
            registrations.add(context.registerService(DataSource.class, dataSource,
                    properties(HostEnvironment.DATASOURCE_PROPERTY, HostEnvironment.DATASOURCE_PLUGINS)));

            CandidateChanges changes = new CandidateChanges(candidates, eventAdmin(context));
            if (config.sandbox()) {
                SandboxPluginSettings.apply(context, config.host(), config.smtpPort(), config.imapPort(), baseUrl);
            }

            PluginExtender extender = new PluginExtender(context);
            extender.open();
            Templates templates = new Templates();
            WebFragments fragments = new WebFragments(extender, new ModuleServices(context), templates);
            Pages pages = new Pages(templates, fragments, authenticator, environment);
            PluginInstaller installer = new PluginInstaller(context, config.felixDir().resolve("plugins"), config.dataDir());

            registrations.add(servlet(context, "root", new RootServlet(pages, authenticator), false, "/"));
            registrations.add(servlet(context, "login", new LoginServlet(pages, authenticator, sessions), false, "/login"));
            registrations.add(servlet(context, "logout", new LogoutServlet(pages, authenticator, sessions), false, "/logout"));
            registrations.add(servlet(context, "dashboard",
                    new DashboardServlet(pages, authenticator, candidates, extender), false, "/dashboard"));
            registrations.add(servlet(context, "candidates",
                    new CandidatesServlet(pages, authenticator, candidates, access, fragments, changes), false,
                    "/candidates", "/candidates/*"));
            registrations.add(servlet(context, "portal", new PortalServlet(pages, authenticator, candidates), false, "/portal"));
            registrations.add(servlet(context, "admin-plugins",
                    new AdminPluginsServlet(pages, authenticator, installer, extender, context,
                            config.sandbox() ? sandboxFacts(config, baseUrl) : Map.of()), true, "/admin/plugins"));
            registrations.add(servlet(context, "admin-pages", new AdminPagesServlet(pages, authenticator, fragments),
                    false, "/admin/pages/*"));
            registrations.add(servlet(context, "host-static", StaticServlet.hostFiles(), false, "/static/*"));
            registrations.add(servlet(context, "plugin-static", StaticServlet.pluginFiles(fragments), false,
                    WebFragments.STATIC_PREFIX + "*"));

            if (twilio != null) {
                registrations.add(servlet(context, "sandbox-twilio", new TwilioApiServlet(twilio), false,
                        "/sandbox/twilio/*"));
                registrations.add(servlet(context, "sandbox-candidates", new CandidatePlayServlet(pages, authenticator,
                        candidates, mail, twilio, sessions, baseUrl, config.host()), false,
                        "/sandbox/candidates", "/sandbox/candidates/*"));
            }

            installer.installAll();
            awaitHttp(config.host(), config.port(), Duration.ofSeconds(20));
            return new RefHost(config, baseUrl, database, felix, extender, installer, changes, mail, twilio,
                    registrations);
        } catch (Exception | Error e) {
            if (felix != null) {
                felix.close();
            }
            if (mail != null) {
                mail.close();
            }
            if (twilio != null) {
                twilio.close();
            }
            database.close();
            throw e;
        }
    }

    private static ServiceRegistration<Servlet> servlet(BundleContext context, String name, Servlet servlet,
                                                        boolean multipart, String... patterns) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("osgi.http.whiteboard.servlet.pattern", patterns);
        properties.put("osgi.http.whiteboard.servlet.name", "host-" + name);
        if (multipart) {
            properties.put("osgi.http.whiteboard.servlet.multipart.enabled", true);
            properties.put("osgi.http.whiteboard.servlet.multipart.maxFileSize", 256L * 1024 * 1024);
        }
        return context.registerService(Servlet.class, servlet, properties);
    }

    private static EventAdmin eventAdmin(BundleContext context) {
        ServiceReference<EventAdmin> reference = context.getServiceReference(EventAdmin.class);
        if (reference == null) {
            throw new IllegalStateException("EventAdmin is not running (the platform bundle "
                    + "org.apache.felix.eventadmin must start, sharing org.osgi.service.event with the host)");
        }
        return context.getService(reference);
    }

    private static Dictionary<String, Object> properties(String key, Object value) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(key, value);
        return properties;
    }

    /** One log: what plugins' libraries write to java.util.logging goes to the host's slf4j. */
    private static synchronized void routeJavaUtilLogging() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    /** Jetty only logs a failed bind; fail the start clearly instead (and before anything else). */
    private static void ensurePortFree(String host, int port) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new IOException("Port " + port + " on " + host + " is in use; stop what runs there or choose "
                    + "another port with --port N (or ATS_PORT=N)", e);
        }
    }

    private static void awaitHttp(String host, int port, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 500);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("The HTTP server did not open " + host + ":" + port + " in " + timeout, e);
                }
                Thread.sleep(25);
            }
        }
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public BundleContext context() {
        return felix.context();
    }

    public PluginExtender extender() {
        return extender;
    }

    /** Deleting, merging and editing candidates, announced to plugins. */
    public CandidateChanges candidateChanges() {
        return candidateChanges;
    }

    public PluginInstaller installer() {
        return installer;
    }

    /** What admins need to point a plugin at the dev sandbox (CONTRACT §5: shown to admins). */
    private static Map<String, String> sandboxFacts(HostConfig config, URI baseUrl) {
        return Map.of(
                "Mail: SMTP", config.host() + ":" + config.smtpPort(),
                "Mail: IMAP", config.host() + ":" + config.imapPort() + " (user = an email address, password = the same)",
                "Twilio stand-in", baseUrl + "/sandbox/twilio",
                "Twilio AccountSid", TwilioSandbox.ACCOUNT_SID,
                "Twilio auth token", TwilioSandbox.AUTH_TOKEN,
                "Twilio sender number", TwilioSandbox.SENDER,
                "Play the candidate", baseUrl + "/sandbox/candidates");
    }

    public String banner(Duration startup) {
        return String.join(System.lineSeparator(),
                "",
                "Reference ATS is running at " + baseUrl + "  (started in " + startup.toMillis() + " ms)",
                "  Database: " + (config.jdbcUrl() == null ? "embedded H2 in " + config.dataDir().toAbsolutePath()
                        : config.jdbcUrl()),
                "  Demo users (password = user name): admin (ATS admin), alice (recruiter),",
                "    bob (recruiter, no confidential candidates), carol (candidate portal)",
                "  Plugins: " + extender.plugins().size() + " active, " + extender.enabledPlugins().size() + " enabled"
                        + " — manage them at " + baseUrl + "/admin/plugins",
                config.sandbox()
                        ? "  Dev sandbox: on. Mail: SMTP " + config.host() + ":" + config.smtpPort() + ", IMAP "
                        + config.host() + ":" + config.imapPort() + " (user = an email address, password = the same)"
                        + System.lineSeparator() + "    Twilio stand-in: " + baseUrl + "/sandbox/twilio, AccountSid "
                        + TwilioSandbox.ACCOUNT_SID + ", auth token " + TwilioSandbox.AUTH_TOKEN + ", sender "
                        + TwilioSandbox.SENDER + System.lineSeparator() + "    Play the candidate: " + baseUrl + "/sandbox/candidates"
                        : "  Dev sandbox: off (production)",
                "");
    }

    @Override
    public void close() {
        for (ServiceRegistration<?> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // unregistered when a bundle stopped
            }
        }
        extender.close();
        felix.close();
        if (mail != null) {
            mail.close();
        }
        if (twilio != null) {
            twilio.close();
        }
        database.close();
    }
}
