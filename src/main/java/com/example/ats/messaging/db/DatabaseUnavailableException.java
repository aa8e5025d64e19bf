package com.example.ats.messaging.db;

/** The plugin's database is not (yet) usable: still starting, or it failed to start. */
public final class DatabaseUnavailableException extends RuntimeException {
    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
