package com.example.ats.messaging.health;

import com.example.ats.messaging.i18n.Messages;
import com.example.ats.messaging.spi.web.ContextProvider;
import com.example.ats.messaging.spi.web.WebContext;
import com.example.ats.messaging.web.AdminTexts;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/** The health page's texts; its figures come over REST ({@code GET /admin/health}, {@code /admin/failed}). */
@Component(service = ContextProvider.class)
public final class HealthPageContextProvider implements ContextProvider {
    private final Messages messages = Messages.ofPlugin();

    @Override
    public Map<String, Object> contextFor(WebContext context) {
        return AdminTexts.of(messages, context.locale());
    }
}
