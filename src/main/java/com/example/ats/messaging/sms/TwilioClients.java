package com.example.ats.messaging.sms;

import com.example.ats.messaging.settings.ChannelSettings;
import com.twilio.http.TwilioRestClient;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One Twilio client per set of Twilio settings, rebuilt when an administrator changes them. No
 * static {@code Twilio.init}: the plugin can be stopped, reconfigured and started in one JVM.
 */
final class TwilioClients {
    private record Built(ChannelSettings.Twilio settings, TwilioRestClient client) {
    }

    private final AtomicReference<Built> current = new AtomicReference<>();
    private final int maxConnections;

    TwilioClients(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    TwilioRestClient clientFor(ChannelSettings.Twilio settings) {
        Built built = current.get();
        if (built != null && built.settings().equals(settings)) {
            return built.client();
        }
        TwilioRestClient client = new TwilioRestClient.Builder(settings.accountSid(), settings.authToken())
                .httpClient(new TwilioHttpClient(settings.apiBase(), settings.timeout(), maxConnections))
                .build();
        current.set(new Built(settings, client));
        return client;
    }
}
