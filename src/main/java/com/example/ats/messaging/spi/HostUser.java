package com.example.ats.messaging.spi;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * A user of the host, as the plugin sees them.
 *
 * @param id       stable id of the user in the host
 * @param username login name
 * @param displayName name to show
 * @param email    email address, where notifications go
 * @param role     what the user is in the host
 * @param locale   the user's language
 * @param timeZone the user's time zone
 */
public record HostUser(String id, String username, String displayName, String email, HostRole role,
                       Locale locale, ZoneId timeZone) {
    public HostUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        locale = locale == null ? Locale.ENGLISH : locale;
        timeZone = timeZone == null ? ZoneId.of("UTC") : timeZone;
    }

    public boolean isAtsUser() {
        return role.isAtsUser();
    }

    public boolean isAdministrator() {
        return role == HostRole.ADMIN;
    }
}
