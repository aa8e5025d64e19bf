package com.example.ats.messaging.web;

import com.example.ats.messaging.i18n.Messages;
import com.example.ats.messaging.spi.web.ContextProvider;
import com.example.ats.messaging.spi.web.WebContext;
import java.util.HashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * Values for the Communications tab's shell; the messages themselves are loaded over REST by
 * the page's script, so the panel stays cheap to render.
 */
@Component(service = ContextProvider.class)
public final class CommunicationsPanelContextProvider implements ContextProvider {
    private final Messages messages = Messages.ofPlugin();

    @Override
    public Map<String, Object> contextFor(WebContext context) {
        Map<String, Object> values = new HashMap<>();
        values.put("candidateId", context.candidateId().orElse(""));
        values.put("restBase", "/rest/messaging/1.0");
        values.put("loadingText", messages.text(context.locale(), "messaging.communications.loading"));
        values.put("emptyText", messages.text(context.locale(), "messaging.communications.empty"));
        values.put("headingText", messages.text(context.locale(), "messaging.communications.heading"));
        return values;
    }
}
