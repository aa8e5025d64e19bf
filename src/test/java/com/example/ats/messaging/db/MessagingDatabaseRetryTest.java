package com.example.ats.messaging.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.ats.messaging.MessagingCore;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A database that cannot be reached at start: the reason is reported, callers are answered at once, and it recovers. */
class MessagingDatabaseRetryTest {

    @Test
    void anUnreachableDatabaseIsReportedAndTriedAgainUntilItAnswers() throws Exception {
        SwitchableDataSource dataSource = new SwitchableDataSource(TestDatabases.dataSource("h2"));
        MessagingDatabase database = MessagingDatabase.start(dataSource, MessagingCore.ENTITIES, Duration.ofMillis(200));
        try {
            await(() -> database.problem().isPresent());
            assertThat(database.problem().orElseThrow()).contains("Connection refused (test)");

            Instant asked = Instant.now();
            assertThatThrownBy(() -> database.sessionFactory(Duration.ofSeconds(30)))
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageContaining("could not be prepared").hasMessageContaining("Connection refused (test)");
            assertThat(Duration.between(asked, Instant.now())).as("answered at once, not after the timeout")
                    .isLessThan(Duration.ofSeconds(5));

            dataSource.reachable.set(true);
            await(() -> database.problem().isEmpty());
            assertThat(database.sessionFactory(Duration.ofSeconds(20)).isOpen()).isTrue();
        } finally {
            database.close();
        }
    }

    @Test
    void closingStopsTheRetries() throws Exception {
        SwitchableDataSource dataSource = new SwitchableDataSource(TestDatabases.dataSource("h2"));
        MessagingDatabase database = MessagingDatabase.start(dataSource, MessagingCore.ENTITIES, Duration.ofMillis(100));
        await(() -> dataSource.attempts.get() >= 1);
        database.close();
        Thread.sleep(300);
        int attempts = dataSource.attempts.get();
        Thread.sleep(500);
        assertThat(dataSource.attempts.get()).isEqualTo(attempts);
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition within 10 s").isBefore(deadline);
            Thread.sleep(20);
        }
    }

    /** A data source that refuses connections until it is switched on. */
    private static final class SwitchableDataSource implements DataSource {
        final AtomicBoolean reachable = new AtomicBoolean();
        final java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        private final DataSource target;

        SwitchableDataSource(DataSource target) {
            this.target = target;
        }

        @Override
        public Connection getConnection() throws SQLException {
            attempts.incrementAndGet();
            if (!reachable.get()) {
                throw new SQLException("Connection refused (test)", "08001");
            }
            return target.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
