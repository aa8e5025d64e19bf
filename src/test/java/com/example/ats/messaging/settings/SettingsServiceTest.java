package com.example.ats.messaging.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.ats.messaging.testing.MessagingRig;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Administrators' settings over the host's configuration, on a real database. */
class SettingsServiceTest {
    private final MessagingRig rig = new MessagingRig("h2", Map.of("smtp.host", "mail.example.com",
            "smtp.port", 25, "smtp.password", "from-config", "email.from.name", "Host Name",
            "email.from.address", "talent@example.com", "email.reply.address", "replies@example.com"));
    private final SettingsService settings = rig.core.settingsService();

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void theViewShowsValuesInEffectAndOnlyWhetherSecretsAreSet() {
        SettingsService.View view = settings.view();

        assertThat(view.settings()).containsEntry("smtp.host", "mail.example.com").containsEntry("smtp.port", "25")
                .containsEntry("twilio.account.sid", null).doesNotContainKey("smtp.password");
        assertThat(view.secrets()).containsEntry("smtp.password", true).containsEntry("twilio.auth.token", false);
        assertThat(view.toString()).doesNotContain("from-config");
    }

    @Test
    void changesApplyAtOnceAndSurviveARestart() {
        settings.update(Map.of("email.from.name", "Acme Careers", "twilio.auth.token", "s3cret"), "1");

        assertThat(rig.core.settings().smtp().fromName()).isEqualTo("Acme Careers");
        assertThat(rig.core.settings().twilio().authToken()).isEqualTo("s3cret");
        assertThat(settings.view().secrets()).containsEntry("twilio.auth.token", true);

        settings.configure(Map.of("email.from.name", "Changed by the host", "smtp.host", "mail.example.com"));
        assertThat(rig.core.settings().smtp().fromName()).as("the administrator's value wins").isEqualTo("Acme Careers");
        settings.reload();
        assertThat(rig.core.settings().twilio().authToken()).isEqualTo("s3cret");
    }

    @Test
    void secretsLeftOutOfAnUpdateAreKeptAndABlankValueFallsBackToTheHostsConfiguration() {
        settings.update(Map.of("smtp.password", "saved-secret", "email.from.name", "Acme"), "1");
        settings.update(Map.of("smtp.host", "smtp.acme.example"), "1");
        assertThat(rig.core.settings().smtp().password()).isEqualTo("saved-secret");

        settings.update(Map.of("email.from.name", ""), "1");
        assertThat(rig.core.settings().smtp().fromName()).isEqualTo("Host Name");
    }

    @Test
    void everyProblemIsReportedAtOnceAndNothingIsSaved() {
        Map<String, String> changes = new HashMap<>();
        changes.put("smtp.port", "70000");
        changes.put("smtp.tls", "MAYBE");
        changes.put("email.from.address", "not an address");
        changes.put("email.from.name", "Evil\r\nBcc: x@example.com");
        changes.put("twilio.account.sid", "AC123");
        changes.put("twilio.from", "12345");
        changes.put("public.base.url", "ftp://ats.example.com");
        changes.put("no.such.key", "x");
        changes.put("smtp.host", "smtp.changed.example");

        SettingsService.InvalidSettings invalid = assertThrows(SettingsService.InvalidSettings.class,
                () -> settings.update(changes, "1"));

        assertThat(invalid.problems()).containsOnlyKeys("smtp.port", "smtp.tls", "email.from.address",
                "email.from.name", "twilio.account.sid", "twilio.from", "public.base.url", "no.such.key");
        assertThat(invalid.problems().get("smtp.port")).isEqualTo("A whole number from 1 to 65535.");
        assertThat(rig.core.settings().smtp().host()).isEqualTo("mail.example.com");
        settings.reload();
        assertThat(rig.core.settings().smtp().host()).isEqualTo("mail.example.com");
    }

    @Test
    void valuesFromTheHostThatCannotBeUsedAreNamedWithWhatIsWrong() {
        assertThat(settings.problems()).isEmpty();
        assertThat(rig.core.problem(java.util.Locale.ENGLISH)).isEmpty();

        settings.configure(Map.of("smtp.host", "mail.example.com", "smtp.port", "twenty-five",
                "twilio.account.sid", "nope"));

        assertThat(settings.problems()).containsEntry("smtp.port", "A whole number from 1 to 65535.")
                .containsKey("twilio.account.sid");
        assertThat(rig.core.problem(java.util.Locale.ENGLISH)).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("Settings from the host\u2019s configuration cannot be used:")
                .contains("smtp.port: A whole number from 1 to 65535."));
        assertThat(rig.core.settings().smtp().port()).as("the last usable settings stay in effect").isEqualTo(25);
    }
}
