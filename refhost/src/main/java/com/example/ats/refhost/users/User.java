package com.example.ats.refhost.users;

import com.example.ats.messaging.spi.HostRole;
import com.example.ats.messaging.spi.HostUser;
import java.time.ZoneId;
import java.util.Locale;

/**
 * A user of the host.
 *
 * @param seesConfidential whether the user may see candidates marked confidential
 */
public record User(long id, String username, String displayName, String email, HostRole role,
                   boolean seesConfidential, Locale locale, ZoneId timeZone) {

    public boolean isAtsUser() {
        return role.isAtsUser();
    }

    public boolean isAdmin() {
        return role == HostRole.ADMIN;
    }

    /** The user as the plugin SPI describes them. */
    public HostUser toHostUser() {
        return new HostUser(Long.toString(id), username, displayName, email, role, locale, timeZone);
    }
}
