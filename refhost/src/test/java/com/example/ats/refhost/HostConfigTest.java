package com.example.ats.refhost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostConfigTest {

    @Test
    void defaultsMatchTheContract() {
        HostConfig config = HostConfig.from(new String[0], Map.of());

        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.sandbox()).isTrue();
        assertThat(config.smtpPort()).isEqualTo(3025);
        assertThat(config.imapPort()).isEqualTo(3143);
        assertThat(config.effectiveJdbcUrl()).startsWith("jdbc:h2:file:").contains(Path.of("data").toAbsolutePath().toString());
    }

    @Test
    void flagsWinOverEnvironment() {
        HostConfig config = HostConfig.from(new String[] {"--port", "9191", "--base-url=https://ats.example.com/"},
                Map.of("ATS_PORT", "7070", "ATS_DB_URL", "jdbc:postgresql://db/ats"));

        assertThat(config.port()).isEqualTo(9191);
        assertThat(config.publicBaseUrl()).isEqualTo(URI.create("https://ats.example.com"));
        assertThat(config.effectiveJdbcUrl()).isEqualTo("jdbc:postgresql://db/ats");
    }

    @Test
    void productionTurnsTheSandboxOff() {
        assertThat(HostConfig.from(new String[] {"--production"}, Map.of()).sandbox()).isFalse();
        assertThat(HostConfig.from(new String[0], Map.of("ATS_PRODUCTION", "true", "ATS_SANDBOX", "true")).sandbox())
                .isFalse();
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> HostConfig.from(new String[] {"8080"}, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> HostConfig.from(new String[] {"--port", "70000"}, Map.of()));
    }
}
