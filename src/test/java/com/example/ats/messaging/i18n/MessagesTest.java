package com.example.ats.messaging.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class MessagesTest {
    // The bundle lives in the repository's top-level i18n folder, as the plugin ships it.
    private final Messages messages = new Messages(i18nLoader());

    private static ClassLoader i18nLoader() {
        try {
            URL root = Path.of(System.getProperty("project.basedir", ".")).toUri().toURL();
            return new URLClassLoader(new URL[] {root}, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void textsComeInTheRequestedLanguage() {
        assertThat(messages.text(Locale.ENGLISH, "messaging.communications.tab")).isEqualTo("Communications");
        assertThat(messages.text(Locale.GERMAN, "messaging.communications.tab")).isEqualTo("Kommunikation");
    }

    @Test
    void unknownLanguagesFallBackToEnglishNotToTheJvmDefault() {
        Locale previous = Locale.getDefault();
        Locale.setDefault(Locale.GERMAN);
        try {
            assertThat(messages.text(Locale.JAPANESE, "messaging.communications.tab")).isEqualTo("Communications");
        } finally {
            Locale.setDefault(previous);
        }
    }

    @Test
    void argumentsAreFormatted() {
        assertThat(messages.text(Locale.ENGLISH, "messaging.unread.badge", 3)).isEqualTo("3 unread");
    }

    @Test
    void missingKeysShowTheKey() {
        assertThat(messages.text(Locale.ENGLISH, "no.such.key")).isEqualTo("no.such.key");
    }

    @Test
    void everyLanguageHasEveryKey() throws IOException {
        Properties english = load("i18n/messaging.properties");
        Properties german = load("i18n/messaging_de.properties");

        assertThat(german.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("project.basedir", ".")).resolve(file))) {
            properties.load(in);
        }
        return properties;
    }
}
