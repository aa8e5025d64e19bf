package com.example.ats.messaging.db;

import com.example.ats.messaging.osgi.BundleClassLoaderScope;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.registry.classloading.internal.TcclLookupPrecedence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugin's own tables in the host's database: Flyway migrates them (own history table), then
 * Hibernate validates them and serves the entities. Building the SessionFactory takes a second or
 * two, so it happens on a thread of its own and callers wait for it only when they need it.
 */
public final class MessagingDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MessagingDatabase.class);
    public static final String MIGRATIONS = "classpath:db/messaging";
    public static final String HISTORY_TABLE = "msg_schema_history";

    /** The longest wait between two attempts to prepare the database. */
    public static final Duration MAX_RETRY = Duration.ofMinutes(2);

    private final CompletableFuture<SessionFactory> sessionFactory;
    private final AtomicBoolean closed;
    private final AtomicReference<String> problem = new AtomicReference<>();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private MessagingDatabase(CompletableFuture<SessionFactory> sessionFactory, AtomicBoolean closed) {
        this.sessionFactory = sessionFactory;
        this.closed = closed;
    }

    /**
     * Starts migrating and bootstrapping in the background. When that fails (database unreachable,
     * a migration refused) it is tried again after {@code firstRetry}, then at doubling intervals
     * up to {@link #MAX_RETRY}; meanwhile {@link #problem()} says why.
     */
    public static MessagingDatabase start(DataSource dataSource, List<Class<?>> entities, Duration firstRetry) {
        MessagingDatabase database = new MessagingDatabase(new CompletableFuture<>(), new AtomicBoolean());
        Thread thread = new Thread(() -> database.bootstrap(dataSource, entities, firstRetry), "messaging-db-bootstrap");
        thread.setDaemon(true);
        thread.start();
        return database;
    }

    private void bootstrap(DataSource dataSource, List<Class<?>> entities, Duration firstRetry) {
        Duration wait = firstRetry;
        while (!closed.get()) {
            try {
                SessionFactory factory = open(dataSource, entities);
                if (closed.get()) {
                    // The bundle stopped while we were starting: nobody will use or close this one.
                    factory.close();
                    break;
                }
                problem.set(null);
                sessionFactory.complete(factory);
                return;
            } catch (RuntimeException | LinkageError e) {
                // LinkageError: a class the bootstrap needs cannot be loaded (e.g. the bundle is being replaced).
                if (closed.get()) {
                    // Stopped while starting: the bundle's classes may be gone already; nothing to report.
                    break;
                }
                problem.set(describe(e));
                LOG.error("The messaging plugin's database could not be prepared; trying again in {} s",
                        wait.toSeconds(), e);
            }
            try {
                if (stopped.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            wait = wait.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait.multipliedBy(2);
        }
        sessionFactory.cancel(false);
    }

    /** A failure and its causes in one line: Flyway's and JDBC's messages say what is wrong. */
    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null && text.length() < 600; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName()
                    : t.getMessage().lines().map(String::strip)
                            .filter(line -> !line.isEmpty() && !line.matches("-+"))
                            .collect(java.util.stream.Collectors.joining(" "));
            if (!text.toString().contains(message)) {
                text.append(text.length() == 0 ? "" : " — ").append(message);
            }
        }
        return text.length() > 600 ? text.substring(0, 600) + "…" : text.toString();
    }

    /** Why the database cannot be used: the last failed attempt's reason until one succeeds; empty before any failed. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem.get());
    }

    /** Migrates and bootstraps on the calling thread (tests, tools). */
    public static MessagingDatabase openNow(DataSource dataSource, List<Class<?>> entities) {
        return new MessagingDatabase(CompletableFuture.completedFuture(open(dataSource, entities)), new AtomicBoolean());
    }

    private static SessionFactory open(DataSource dataSource, List<Class<?>> entities) {
        long started = System.nanoTime();
        try (var scope = BundleClassLoaderScope.enter(MessagingDatabase.class)) {
            ClassLoader loader = MessagingDatabase.class.getClassLoader();
            Flyway.configure(loader)
                    .dataSource(dataSource)
                    .table(HISTORY_TABLE)
                    .locations(MIGRATIONS)
                    // The host's own tables live in the same schema: start our history at 0.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
            BootstrapServiceRegistryBuilder bootstrapBuilder = new BootstrapServiceRegistryBuilder()
                    .applyClassLoader(loader);
            bootstrapBuilder.applyTcclLookupPrecedence(TcclLookupPrecedence.NEVER);
            BootstrapServiceRegistry bootstrap = bootstrapBuilder.build();
            StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap)
                    .applySetting("hibernate.connection.datasource", dataSource)
                    .applySetting("hibernate.hbm2ddl.auto", "validate")
                    .applySetting("hibernate.jdbc.batch_size", 50)
                    .applySetting("hibernate.order_inserts", true)
                    .applySetting("hibernate.order_updates", true)
                    .applySetting("hibernate.jdbc.time_zone", "UTC")
                    .applySetting("hibernate.query.fail_on_pagination_over_collection_fetch", true)
                    .applySetting("hibernate.show_sql", false)
                    .build();
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            Metadata metadata = sources.buildMetadata();
            SessionFactory factory = metadata.buildSessionFactory();
            LOG.info("Messaging database ready in {} ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
            return factory;
        }
    }

    /** The SessionFactory, waiting up to the timeout for the bootstrap to finish. */
    public SessionFactory sessionFactory(Duration timeout) {
        String failed = problem.get();
        if (failed != null && !sessionFactory.isDone()) {
            // The last attempt failed: answer now rather than keep every caller waiting for the next one.
            throw notPrepared(failed, null);
        }
        try {
            return sessionFactory.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            String why = problem.get();
            throw why == null ? new DatabaseUnavailableException("The messaging database is still starting", e)
                    : notPrepared(why, e);
        } catch (CancellationException e) {
            throw new DatabaseUnavailableException("The messaging database is closed", e);
        } catch (ExecutionException e) {
            throw notPrepared(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseUnavailableException("Interrupted while waiting for the messaging database", e);
        }
    }


    private static DatabaseUnavailableException notPrepared(String why, Throwable cause) {
        return new DatabaseUnavailableException("The messaging database could not be prepared: " + why, cause);
    }

    @Override
    public void close() {
        closed.set(true);
        // Ends a wait between attempts; an attempt under way finishes and closes what it built.
        stopped.countDown();
        // Now if it is ready, or as soon as it is (a bootstrap that sees the flag closes itself).
        sessionFactory.thenAccept(SessionFactory::close);
    }
}
