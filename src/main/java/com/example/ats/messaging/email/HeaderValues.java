package com.example.ats.messaging.email;

/** Header values must stay one line: CR, LF or NUL in one would let text inject headers. */
final class HeaderValues {
    private HeaderValues() {
    }

    static boolean safe(String value) {
        return value == null || value.chars().noneMatch(c -> c == '\r' || c == '\n' || c == 0);
    }
}
