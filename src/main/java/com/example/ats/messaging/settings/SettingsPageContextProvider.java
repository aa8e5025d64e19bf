package com.example.ats.messaging.settings;

import com.example.ats.messaging.i18n.Messages;
import com.example.ats.messaging.spi.HostEnvironment;
import com.example.ats.messaging.spi.web.ContextProvider;
import com.example.ats.messaging.spi.web.WebContext;
import com.example.ats.messaging.web.AdminTexts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The settings page's form, labelled in the admin's language. Values are not put in the page:
 * the script reads them over REST ({@code GET /admin/settings}), so secrets never reach HTML.
 */
@Component(service = ContextProvider.class)
public final class SettingsPageContextProvider implements ContextProvider {
    private final Messages messages = Messages.ofPlugin();
    private final HostEnvironment environment;

    @Activate
    public SettingsPageContextProvider(@Reference HostEnvironment environment) {
        this.environment = environment;
    }

    /** A field as the template shows it. */
    public record FieldView(String key, String id, String inputType, boolean secret, List<String> choices,
                            String label, String hint) {
    }

    /** A fieldset as the template shows it. */
    public record GroupView(String legend, List<FieldView> fields) {
    }

    @Override
    public Map<String, Object> contextFor(WebContext context) {
        Locale locale = context.locale();
        List<GroupView> groups = new ArrayList<>();
        for (SettingsForm.Group group : SettingsForm.GROUPS) {
            List<FieldView> fields = new ArrayList<>();
            for (SettingsForm.Field field : group.fields()) {
                String hintKey = "messaging.admin.setting." + field.key() + ".hint";
                String hint = messages.text(locale, hintKey);
                fields.add(new FieldView(field.key(), field.id(), field.kind().inputType(),
                        field.kind() == SettingsForm.Kind.SECRET, field.choices(),
                        messages.text(locale, "messaging.admin.setting." + field.key()),
                        hint.equals(hintKey) ? "" : hint));
            }
            groups.add(new GroupView(messages.text(locale, "messaging.admin.group." + group.key()), fields));
        }
        Map<String, Object> values = new HashMap<>(AdminTexts.of(messages, locale));
        values.put("groups", groups);
        values.put("hostBaseUrl", environment.baseUrl().toString());
        values.put("sandbox", environment.sandboxEnabled());
        return values;
    }
}
