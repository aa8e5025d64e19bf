package com.example.ats.refhost.spi;

import java.util.Optional;

/** The host's ids are numbers; the SPI passes them as strings. */
final class HostIds {
    private HostIds() {
    }

    static Optional<Long> parse(String id) {
        if (id == null || id.isEmpty() || id.length() > 18 || !id.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(id));
    }
}
