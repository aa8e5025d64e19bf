package com.example.ats.messaging.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.messaging.consent.PhoneNumbers;
import com.example.ats.messaging.i18n.Messages;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The admin form offers every setting once, secrets as password inputs, labelled in English and German. */
class SettingsFormTest {
    private final List<SettingsForm.Field> fields = SettingsForm.GROUPS.stream()
            .flatMap(group -> group.fields().stream()).toList();

    @Test
    void everySettingHasExactlyOneInput() {
        assertThat(fields.stream().map(SettingsForm.Field::key))
                .containsExactlyInAnyOrderElementsOf(new SettingKeys(new PhoneNumbers("US")).keys());
    }

    @Test
    void exactlyTheSecretsAreWriteOnlyInputs() {
        assertThat(fields.stream().filter(f -> f.kind() == SettingsForm.Kind.SECRET).map(SettingsForm.Field::key))
                .containsExactlyInAnyOrderElementsOf(SettingKeys.SECRETS);
    }

    @Test
    void everyInputAndGroupIsLabelledInEveryLanguage() {
        Messages messages = Messages.ofPlugin();
        for (Locale locale : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            for (SettingsForm.Field field : fields) {
                String key = "messaging.admin.setting." + field.key();
                assertThat(messages.text(locale, key)).as(key + " in " + locale).isNotEqualTo(key).isNotBlank();
            }
            for (SettingsForm.Group group : SettingsForm.GROUPS) {
                String key = "messaging.admin.group." + group.key();
                assertThat(messages.text(locale, key)).as(key + " in " + locale).isNotEqualTo(key);
            }
        }
    }

    @Test
    void inputIdsAreUniqueAndSafeInMarkup() {
        assertThat(fields.stream().map(SettingsForm.Field::id)).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[a-z0-9-]+"));
    }
}
