package com.example.ats.messaging.db;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.example.ats.messaging.MessagingCore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Fresh databases for component tests: H2 in memory (always) and a fresh schema in the local
 * PostgreSQL at 127.0.0.1:5432. Outside CI a missing PostgreSQL skips its tests with a message; in
 * CI (CI=true) it fails them.
 */
public final class TestDatabases {
    private TestDatabases() {
    }

    /** The plugin's database, migrated and bootstrapped, on "h2" or "postgresql". */
    public static MessagingDatabase messagingDatabase(String kind) {
        return MessagingDatabase.openNow(dataSource(kind), MessagingCore.ENTITIES);
    }

    public static DataSource dataSource(String kind) {
        return switch (kind) {
            case "h2" -> h2();
            case "postgresql" -> postgres();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }

    private static DataSource postgres() {
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setURL("jdbc:postgresql://127.0.0.1:5432/test");
        admin.setUser("postgres");
        String schema = "p_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 is required in CI", e);
            }
            assumeTrue(false, "Skipped: no PostgreSQL at 127.0.0.1:5432 (" + e.getMessage() + ")");
        }
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL("jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema);
        pg.setUser("postgres");
        return pg;
    }
}
