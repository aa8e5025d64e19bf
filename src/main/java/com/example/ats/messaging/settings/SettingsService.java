package com.example.ats.messaging.settings;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channel settings in effect: the host's configuration (ConfigAdmin) overlaid key by key with
 * what administrators saved (msg_setting). Read by every send, so changes apply without a restart;
 * re-read from the database every 30 s so all nodes of a cluster follow one another's changes.
 */
public final class SettingsService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsService.class);

    /** Problems per setting key, in words. */
    public static final class InvalidSettings extends RuntimeException {
        private final transient Map<String, String> problems;

        InvalidSettings(Map<String, String> problems) {
            super("Invalid settings: " + problems.keySet());
            this.problems = Map.copyOf(problems);
        }

        public Map<String, String> problems() {
            return problems;
        }
    }

    /** What an administrator sees: every setting's value in effect, and for secrets only whether they are set. */
    public record View(Map<String, String> settings, Map<String, Boolean> secrets) {
    }

    private final SettingsStore store;
    private final SettingKeys keys;
    private volatile Map<String, ?> configuration;
    private volatile Map<String, String> saved = Map.of();
    private final AtomicReference<ChannelSettings> current = new AtomicReference<>();
    private ScheduledExecutorService refresher;
    private final Object reloadLock = new Object();
    private final java.util.concurrent.CompletableFuture<Void> firstLoad = new java.util.concurrent.CompletableFuture<>();

    public SettingsService(SettingsStore store, SettingKeys keys, Map<String, ?> configuration) {
        this.store = store;
        this.keys = keys;
        this.configuration = Map.copyOf(configuration);
        recompute();
    }

    public ChannelSettings current() {
        return current.get();
    }

    /** The host's configuration changed. */
    public void configure(Map<String, ?> newConfiguration) {
        this.configuration = Map.copyOf(newConfiguration);
        recompute();
    }

    /** Loads the saved settings now (once the database is there) and again every 30 s. */
    public synchronized void startRefreshing() {
        if (refresher != null) {
            return;
        }
        refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "messaging-settings");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(this::reload, 0, 30, TimeUnit.SECONDS);
    }

    /**
     * Reads the saved settings again. Synchronized so a periodic read that started before a save
     * cannot overwrite the newer values that save's own read produced.
     */
    public void reload() {
        // Its own lock, not this object's: stopping (close) must not wait for a read that waits for the database.
        synchronized (reloadLock) {
            try {
                saved = Map.copyOf(store.load());
                recompute();
                firstLoad.complete(null);
            } catch (RuntimeException e) {
                LOG.warn("Could not read the saved messaging settings; keeping the current ones: {}", e.toString());
            }
        }
    }

    /** Completes once administrators' saved settings were read (senders should not start before). */
    public java.util.concurrent.CompletableFuture<Void> firstLoad() {
        return firstLoad;
    }

    public View view() {
        Map<String, String> effective = merged();
        Map<String, String> settings = new LinkedHashMap<>();
        Map<String, Boolean> secrets = new LinkedHashMap<>();
        for (String key : keys.keys()) {
            String value = effective.get(key);
            if (SettingKeys.SECRETS.contains(key)) {
                secrets.put(key, value != null && !value.isBlank());
            } else {
                settings.put(key, value);
            }
        }
        return new View(settings, secrets);
    }

    /**
     * Checks every change, then saves them all or none. Keys left out stay as they are (so a form
     * saved without its secrets keeps them); a blank value removes an administrator's value.
     */
    public void update(Map<String, String> changes, String userId) {
        Map<String, String> problems = new LinkedHashMap<>();
        changes.forEach((key, value) -> keys.problem(key, value).ifPresent(problem -> problems.put(key, problem)));
        if (problems.isEmpty()) {
            Map<String, String> next = new HashMap<>(merged());
            changes.forEach((key, value) -> {
                if (value == null || value.isBlank()) {
                    next.remove(key);
                } else {
                    next.put(key, value.strip());
                }
            });
            try {
                ChannelSettings.from(next);
            } catch (IllegalArgumentException e) {
                problems.put("settings", e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettings(problems);
        }
        store.save(changes, userId);
        reload();
    }

    private Map<String, String> merged() {
        Map<String, String> merged = new HashMap<>();
        configuration.forEach((key, value) -> {
            if (value != null) {
                merged.put(key, value.toString());
            }
        });
        merged.putAll(saved);
        return merged;
    }

    private void recompute() {
        try {
            current.set(ChannelSettings.from(merged()));
        } catch (IllegalArgumentException e) {
            LOG.error("Messaging settings are not usable, keeping the previous ones: {}", e.getMessage());
            if (current.get() == null) {
                current.set(ChannelSettings.from(Map.of()));
            }
        }
    }

    /**
     * What is wrong with the settings in effect, by key, in words. Saved values were checked when
     * they were saved, so these come from the host's configuration (ConfigAdmin).
     */
    public Map<String, String> problems() {
        Map<String, String> effective = merged();
        Map<String, String> problems = new LinkedHashMap<>();
        for (String key : keys.keys()) {
            keys.problem(key, effective.get(key)).ifPresent(problem -> problems.put(key, problem));
        }
        try {
            ChannelSettings.from(effective);
        } catch (IllegalArgumentException e) {
            problems.putIfAbsent("settings", e.getMessage());
        }
        return problems;
    }

    /** The value in effect for a key (for tests and the health view). */
    public Optional<String> value(String key) {
        return Optional.ofNullable(merged().get(key));
    }

    @Override
    public synchronized void close() {
        if (refresher != null) {
            refresher.shutdownNow();
            refresher = null;
        }
    }
}
