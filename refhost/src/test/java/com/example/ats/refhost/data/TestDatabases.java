package com.example.ats.refhost.data;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The databases the host must work on: H2 (always) and the local PostgreSQL at 127.0.0.1:5432.
 * Outside CI a missing PostgreSQL skips its tests with a message; in CI (CI=true) it fails them.
 */
public final class TestDatabases {
    public static final String POSTGRES_URL = System.getProperty("test.postgres.url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String POSTGRES_USER = System.getProperty("test.postgres.user", "postgres");

    private TestDatabases() {
    }

    /** A JDBC URL of a fresh, empty H2 database in memory. */
    public static String freshH2() {
        return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    /** A JDBC URL of a fresh, empty schema in the local PostgreSQL (see class comment). */
    public static String freshPostgresSchema() {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
             Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
            if (ci) {
                throw new IllegalStateException("PostgreSQL at " + POSTGRES_URL + " is required in CI", e);
            }
            assumeTrue(false, "Skipped: no PostgreSQL at " + POSTGRES_URL + " (" + e.getMessage() + ")");
        }
        return POSTGRES_URL + "?currentSchema=" + schema;
    }
}
