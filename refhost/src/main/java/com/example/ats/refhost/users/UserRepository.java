package com.example.ats.refhost.users;

import com.example.ats.messaging.spi.HostRole;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/** The host's users table. */
public final class UserRepository {
    private static final String COLUMNS =
            "id, username, display_name, email, role, sees_confidential, locale, time_zone";

    private final DataSource dataSource;

    public UserRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<User> findById(long id) {
        return queryOne("SELECT " + COLUMNS + " FROM host_users WHERE id = ?", ps -> ps.setLong(1, id));
    }

    public Optional<User> findByUsername(String username) {
        return queryOne("SELECT " + COLUMNS + " FROM host_users WHERE username = ?", ps -> ps.setString(1, username));
    }

    /** The stored password hash of a user, for login. */
    public Optional<String> passwordHash(long userId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM host_users WHERE id = ?")) {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading a password hash failed", e);
        }
    }

    public List<User> all() {
        List<User> users = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM host_users ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                users.add(map(rs));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Listing users failed", e);
        }
        return users;
    }

    /** Adds a user and returns them with their id. */
    public User insert(NewUser user, String passwordHash) {
        String sql = "INSERT INTO host_users (username, password_hash, display_name, email, role, "
                + "sees_confidential, locale, time_zone) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
            ps.setString(1, user.username());
            ps.setString(2, passwordHash);
            ps.setString(3, user.displayName());
            ps.setString(4, user.email());
            ps.setString(5, user.role().name());
            ps.setBoolean(6, user.seesConfidential());
            ps.setString(7, user.locale().toLanguageTag());
            ps.setString(8, user.timeZone().getId());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                long id = keys.getLong(1);
                return new User(id, user.username(), user.displayName(), user.email(), user.role(),
                        user.seesConfidential(), user.locale(), user.timeZone());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Adding user " + user.username() + " failed", e);
        }
    }

    /** A user to add. */
    public record NewUser(String username, String displayName, String email, HostRole role,
                          boolean seesConfidential, Locale locale, ZoneId timeZone) {
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private Optional<User> queryOne(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading a user failed", e);
        }
    }

    private static User map(ResultSet rs) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("email"), HostRole.valueOf(rs.getString("role")),
                rs.getBoolean("sees_confidential"), Locale.forLanguageTag(rs.getString("locale")),
                ZoneId.of(rs.getString("time_zone")));
    }
}
