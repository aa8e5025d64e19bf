package com.example.ats.refhost.sandbox;

import java.io.IOException;
import java.net.URI;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * With the dev sandbox on, the messaging plugin's channels point at it (CONTRACT §5): SMTP and IMAP
 * on the sandbox mail server, Twilio's API at {@code /sandbox/twilio} with the dev credentials,
 * and the host's own base URL as the public one for webhooks. Written to ConfigAdmin under the
 * plugin's PID before plugins start, so the plugin reads them like any production configuration.
 */
public final class SandboxPluginSettings {
    /** The plugin's configuration PID (its {@code ChannelSettings.PID}). */
    public static final String MESSAGING_PID = "com.example.ats.messaging";
    public static final String FROM_ADDRESS = "talent@ats.example.com";
    public static final String REPLY_MAILBOX = "replies@ats.example.com";

    private SandboxPluginSettings() {
    }

    public static void apply(BundleContext context, String mailHost, int smtpPort, int imapPort, URI baseUrl)
            throws IOException {
        ServiceReference<ConfigurationAdmin> reference = context.getServiceReference(ConfigurationAdmin.class);
        if (reference == null) {
            throw new IllegalStateException("ConfigurationAdmin is not running (platform bundle "
                    + "org.apache.felix.configadmin must start, sharing org.osgi.service.cm with the host)");
        }
        ConfigurationAdmin admin = context.getService(reference);
        try {
            // "?" binds the configuration to whichever bundle registers the PID: the plugin, in any version.
            Configuration configuration = admin.getConfiguration(MESSAGING_PID, "?");
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("smtp.host", mailHost);
            properties.put("smtp.port", smtpPort);
            properties.put("smtp.tls", "NONE");
            properties.put("email.from.address", FROM_ADDRESS);
            properties.put("email.from.name", "ATS Recruiting");
            properties.put("email.reply.address", REPLY_MAILBOX);
            properties.put("imap.host", mailHost);
            properties.put("imap.port", imapPort);
            properties.put("imap.tls", "NONE");
            properties.put("imap.user", REPLY_MAILBOX);
            properties.put("imap.password", REPLY_MAILBOX);
            properties.put("imap.poll.millis", 1000);
            properties.put("twilio.account.sid", TwilioSandbox.ACCOUNT_SID);
            properties.put("twilio.auth.token", TwilioSandbox.AUTH_TOKEN);
            properties.put("twilio.from", TwilioSandbox.SENDER);
            properties.put("twilio.api.base", baseUrl + "/sandbox/twilio");
            properties.put("public.base.url", baseUrl.toString());
            configuration.update(properties);
        } finally {
            context.ungetService(reference);
        }
    }
}
