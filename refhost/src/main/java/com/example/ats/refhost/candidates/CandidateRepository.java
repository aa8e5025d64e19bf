package com.example.ats.refhost.candidates;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/** The host's candidates table (deleted and merged-away candidates are never returned). */
public final class CandidateRepository {
    private static final String COLUMNS =
            "id, name, email, phone, phone_e164, sms_opt_in, confidential, headline, portal_user_id";
    private static final String LIVE = "deleted_at IS NULL AND merged_into_id IS NULL";

    private final DataSource dataSource;
    private final PhoneNumbers phones;
    private final Clock clock;

    public CandidateRepository(DataSource dataSource, PhoneNumbers phones, Clock clock) {
        this.dataSource = dataSource;
        this.phones = phones;
        this.clock = clock;
    }

    /** A candidate to add. */
    public record NewCandidate(String name, String email, String phone, boolean smsOptIn,
                               boolean confidential, String headline, Long portalUserId) {
    }

    public Optional<Candidate> findById(long id) {
        List<Candidate> found = query("SELECT " + COLUMNS + " FROM host_candidates WHERE id = ? AND " + LIVE,
                ps -> ps.setLong(1, id));
        return found.stream().findFirst();
    }

    public Optional<Candidate> findByPortalUser(long userId) {
        return query("SELECT " + COLUMNS + " FROM host_candidates WHERE portal_user_id = ? AND " + LIVE,
                ps -> ps.setLong(1, userId)).stream().findFirst();
    }

    /**
     * Candidates matching the text in name, email or phone, confidential ones only when allowed,
     * names starting with the text first, then by name.
     */
    public List<Candidate> search(String text, boolean includeConfidential, int limit) {
        String needle = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        String like = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String sql = "SELECT " + COLUMNS + " FROM host_candidates WHERE " + LIVE
                + (includeConfidential ? "" : " AND confidential = FALSE")
                + " AND (LOWER(name) LIKE ? ESCAPE '\\' OR LOWER(COALESCE(email, '')) LIKE ? ESCAPE '\\'"
                + " OR COALESCE(phone, '') LIKE ? ESCAPE '\\')"
                + " ORDER BY CASE WHEN LOWER(name) LIKE ? ESCAPE '\\' THEN 0 ELSE 1 END, name, id"
                + " FETCH FIRST ? ROWS ONLY";
        String prefix = like.substring(1);
        return query(sql, ps -> {
            ps.setString(1, like);
            ps.setString(2, like);
            ps.setString(3, like);
            ps.setString(4, prefix);
            ps.setInt(5, limit);
        });
    }

    public List<Candidate> findByPhone(String e164) {
        return query("SELECT " + COLUMNS + " FROM host_candidates WHERE phone_e164 = ? AND " + LIVE + " ORDER BY id",
                ps -> ps.setString(1, e164));
    }

    public List<Candidate> findByEmail(String email) {
        return query("SELECT " + COLUMNS + " FROM host_candidates WHERE LOWER(email) = ? AND " + LIVE + " ORDER BY id",
                ps -> ps.setString(1, email.trim().toLowerCase(Locale.ROOT)));
    }

    /**
     * Live candidates with these ids, in one query. One SQL text for any number of ids (an array
     * parameter, not an IN list), so the database's statement cache serves every call.
     */
    public List<Candidate> findByIds(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Long[] array = ids.toArray(Long[]::new);
        return query("SELECT " + COLUMNS + " FROM host_candidates WHERE id = ANY(?) AND " + LIVE,
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("BIGINT", array)));
    }

    /** Marks a candidate deleted; true when there was a live one. */
    public boolean delete(long id) {
        return update("UPDATE host_candidates SET deleted_at = ?, updated_at = ? WHERE id = ? AND " + LIVE, ps -> {
            Timestamp now = Timestamp.from(clock.instant());
            ps.setTimestamp(1, now);
            ps.setTimestamp(2, now);
            ps.setLong(3, id);
        }) == 1;
    }

    /** Records that {@code fromId} was merged into {@code intoId}; true when both were live. */
    public boolean merge(long fromId, long intoId) {
        if (fromId == intoId || findById(intoId).isEmpty()) {
            return false;
        }
        return update("UPDATE host_candidates SET merged_into_id = ?, updated_at = ? WHERE id = ? AND " + LIVE, ps -> {
            ps.setLong(1, intoId);
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            ps.setLong(3, fromId);
        }) == 1;
    }

    /** Changes a candidate's email, phone and SMS opt-in; true when there was a live one. */
    public boolean updateContact(long id, String email, String phone, boolean smsOptIn) {
        return update("UPDATE host_candidates SET email = ?, phone = ?, phone_e164 = ?, sms_opt_in = ?, updated_at = ? "
                + "WHERE id = ? AND " + LIVE, ps -> {
            ps.setString(1, email);
            ps.setString(2, phone);
            ps.setString(3, phones.toE164(phone).orElse(null));
            ps.setBoolean(4, smsOptIn);
            ps.setTimestamp(5, Timestamp.from(clock.instant()));
            ps.setLong(6, id);
        }) == 1;
    }

    private int update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Changing a candidate failed", e);
        }
    }

    public long count() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM host_candidates WHERE " + LIVE);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Counting candidates failed", e);
        }
    }

    public Candidate insert(NewCandidate candidate) {
        String sql = "INSERT INTO host_candidates (name, email, phone, phone_e164, sms_opt_in, confidential, "
                + "headline, portal_user_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        String e164 = phones.toE164(candidate.phone()).orElse(null);
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
            ps.setString(1, candidate.name());
            ps.setString(2, candidate.email());
            ps.setString(3, candidate.phone());
            ps.setString(4, e164);
            ps.setBoolean(5, candidate.smsOptIn());
            ps.setBoolean(6, candidate.confidential());
            ps.setString(7, candidate.headline());
            if (candidate.portalUserId() == null) {
                ps.setNull(8, Types.BIGINT);
            } else {
                ps.setLong(8, candidate.portalUserId());
            }
            ps.setTimestamp(9, now);
            ps.setTimestamp(10, now);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new Candidate(keys.getLong(1), candidate.name(), candidate.email(), candidate.phone(), e164,
                        candidate.smsOptIn(), candidate.confidential(), candidate.headline(), candidate.portalUserId());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Adding candidate " + candidate.name() + " failed", e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<Candidate> query(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<Candidate> result = new ArrayList<>();
                while (rs.next()) {
                    long portalId = rs.getLong("portal_user_id");
                    Long portal = rs.wasNull() ? null : portalId;
                    result.add(new Candidate(rs.getLong("id"), rs.getString("name"), rs.getString("email"),
                            rs.getString("phone"), rs.getString("phone_e164"), rs.getBoolean("sms_opt_in"),
                            rs.getBoolean("confidential"), rs.getString("headline"), portal));
                }
                return result;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading candidates failed", e);
        }
    }
}
