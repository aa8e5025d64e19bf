package com.example.ats.messaging.spi;

/** The host's permission rules. */
public interface HostPermissions {

    /** Whether the user may see this candidate (and so their communications). */
    boolean canView(HostUser user, String candidateId);

    /** Whether the user may contact this candidate on the host's behalf. */
    boolean canContact(HostUser user, String candidateId);

    /** Whether the user may configure plugins. */
    default boolean canAdministerPlugins(HostUser user) {
        return user.isAdministrator();
    }
}
