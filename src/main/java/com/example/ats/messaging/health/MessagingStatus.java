package com.example.ats.messaging.health;

import com.example.ats.messaging.MessagingCore;
import com.example.ats.messaging.i18n.Messages;
import com.example.ats.messaging.spi.PluginStatus;
import java.util.Locale;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Tells the host whether messaging works, for its plugins page. Registered even when the core
 * did not start (then it says so), which is exactly when an administrator needs to know.
 */
@Component(service = PluginStatus.class)
public final class MessagingStatus implements PluginStatus {
    private final Messages messages = Messages.ofPlugin();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile MessagingCore core;

    @Override
    public Optional<String> problem(Locale locale) {
        MessagingCore running = core;
        return running == null ? Optional.of(messages.text(locale, "messaging.status.core.down"))
                : running.problem(locale);
    }
}
