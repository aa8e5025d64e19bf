package com.example.ats.messaging.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * A candidate of the host with the contact details the plugin needs.
 *
 * @param id       stable id of the candidate in the host
 * @param name     full name
 * @param email    email address, or null when the host has none
 * @param phone    phone number exactly as the host stores it (may be invalid), or null
 * @param smsOptIn whether the candidate agreed in the host to be contacted by SMS
 */
public record HostCandidate(String id, String name, String email, String phone, boolean smsOptIn) {
    public HostCandidate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }

    public Optional<String> emailAddress() {
        return Optional.ofNullable(email).filter(e -> !e.isBlank());
    }

    public Optional<String> phoneNumber() {
        return Optional.ofNullable(phone).filter(p -> !p.isBlank());
    }
}
