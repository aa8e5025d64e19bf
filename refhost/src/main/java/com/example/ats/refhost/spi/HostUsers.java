package com.example.ats.refhost.spi;

import com.example.ats.messaging.spi.HostUser;
import com.example.ats.messaging.spi.HostUserDirectory;
import com.example.ats.refhost.users.RecentUsers;
import com.example.ats.refhost.users.User;
import java.util.Optional;

/** The host's users for plugins, by their string ids (the host's numeric ids as text). */
public final class HostUsers implements HostUserDirectory {
    private final RecentUsers users;

    public HostUsers(RecentUsers users) {
        this.users = users;
    }

    @Override
    public Optional<HostUser> get(String userId) {
        return HostIds.parse(userId).flatMap(users::byId).map(User::toHostUser);
    }
}
