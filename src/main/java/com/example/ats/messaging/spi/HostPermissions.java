package com.example.ats.messaging.spi;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/** The host's permission rules. */
public interface HostPermissions {

    /** Whether the user may see this candidate (and so their communications). */
    boolean canView(HostUser user, String candidateId);

    /**
     * Which of these candidates the user may see. Hosts should override this with one query: lists
     * of conversations call it once per page.
     */
    default Set<String> viewable(HostUser user, Collection<String> candidateIds) {
        return candidateIds.stream().filter(id -> canView(user, id)).collect(Collectors.toSet());
    }

    /** Whether the user may contact this candidate on the host's behalf. */
    boolean canContact(HostUser user, String candidateId);

    /** Whether the user may configure plugins. */
    default boolean canAdministerPlugins(HostUser user) {
        return user.isAdministrator();
    }
}
