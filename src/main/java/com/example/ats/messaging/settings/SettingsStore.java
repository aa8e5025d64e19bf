package com.example.ats.messaging.settings;

import com.example.ats.messaging.db.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** Administrators' settings (msg_setting), key by key; a blank value removes the override. */
public final class SettingsStore {
    private final Transactions transactions;
    private final Clock clock;

    public SettingsStore(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    public Map<String, String> load() {
        return transactions.inTransaction(session -> session.doReturningWork(connection -> {
            Map<String, String> values = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT setting_key, setting_value FROM msg_setting");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.put(rows.getString(1), rows.getString(2));
                }
            }
            return values;
        }));
    }

    /** Saves all changes in one transaction (all or nothing). */
    public void save(Map<String, String> changes, String userId) {
        transactions.inTransaction(session -> session.doReturningWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM msg_setting WHERE setting_key = ?");
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO msg_setting (setting_key, "
                         + "setting_value, updated_at, updated_by) VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<String, String> change : changes.entrySet()) {
                    delete.setString(1, change.getKey());
                    delete.executeUpdate();
                    if (change.getValue() != null && !change.getValue().isBlank()) {
                        insert.setString(1, change.getKey());
                        insert.setString(2, change.getValue().strip());
                        insert.setObject(3, clock.instant().atOffset(ZoneOffset.UTC));
                        insert.setString(4, userId);
                        insert.executeUpdate();
                    }
                }
            }
            return null;
        }));
    }
}
