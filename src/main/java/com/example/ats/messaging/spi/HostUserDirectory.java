package com.example.ats.messaging.spi;

import java.util.Optional;

/**
 * The host's users by id: the plugin emails recruiters about replies (address, language and time
 * zone come from here). Implementations are thread-safe OSGi services. Since contract 1.1.
 */
public interface HostUserDirectory {
    /** The user with this id; empty when unknown or removed. */
    Optional<HostUser> get(String userId);
}
