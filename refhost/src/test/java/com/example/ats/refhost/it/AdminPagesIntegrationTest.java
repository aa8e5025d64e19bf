package com.example.ats.refhost.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.refhost.sandbox.SandboxPluginSettings;
import com.example.ats.refhost.sandbox.TwilioApiServlet;
import com.example.ats.refhost.testing.HostClient;
import com.example.ats.refhost.testing.MessagingRest;
import com.example.ats.refhost.testing.RunningHost;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The plugin's admin pages in the host's admin area, the failed-messages API and the plugin's own
 * status on the host's plugins page, through the running host.
 */
class AdminPagesIntegrationTest {
    private static final String API = "/rest/messaging/1.0";
    private static final String SETTINGS_PAGE = "/admin/pages/com.example.ats.messaging/messaging-settings";
    private static final String HEALTH_PAGE = "/admin/pages/com.example.ats.messaging/messaging-health";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningHost host;

    @BeforeAll
    static void start() throws Exception {
        host = RunningHost.start();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void administratorsFindBothPagesInTheAdminNavigationWithoutAnySecretInThem() throws Exception {
        HostClient admin = host.client().login("admin");
        String plugins = admin.get("/admin/plugins").body();
        assertThat(plugins).contains("data-ats=\"admin-nav\"")
                .contains("href=\"" + SETTINGS_PAGE + "\"").contains("data-messaging=\"admin-settings-link\"")
                .contains("href=\"" + HEALTH_PAGE + "\"").contains("data-messaging=\"admin-health-link\"");

        assertThat(plugins).as("CONTRACT §5: dev credentials shown to admins").contains("data-ats=\"sandbox-facts\"")
                .contains("AC00000000000000000000000000000000").contains("sandbox-auth-token").contains("+15005550006");

        HttpResponse<String> settings = admin.get(SETTINGS_PAGE);
        assertThat(settings.statusCode()).isEqualTo(200);
        assertThat(settings.body()).contains("data-messaging=\"admin-settings\"")
                .contains("data-setting=\"smtp.host\"").contains("data-setting=\"twilio.auth.token\" data-secret=\"true\"")
                .contains("messaging-admin.js").contains("aria-current=\"page\"")
                .doesNotContain("sandbox-auth-token");
        assertThat(admin.get(HEALTH_PAGE).body()).contains("data-messaging=\"admin-health\"")
                .contains("data-messaging=\"failed-list\"");
        assertThat(admin.get("/admin/pages/com.example.ats.messaging/no-such-page").statusCode()).isEqualTo(404);
        assertThat(admin.get("/admin/pages/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void nonAdministratorsGetNoLinkAndNoPage() throws Exception {
        HostClient alice = host.client().login("alice");
        assertThat(alice.get("/dashboard").body()).doesNotContain("admin-settings-link").doesNotContain(SETTINGS_PAGE)
                .doesNotContain("messaging-admin.js");
        assertThat(alice.get(SETTINGS_PAGE).statusCode()).isEqualTo(403);
        assertThat(alice.get(HEALTH_PAGE).statusCode()).isEqualTo(403);
        assertThat(host.client().login("carol").get(SETTINGS_PAGE).statusCode()).isEqualTo(403);
        assertThat(host.client().get(SETTINGS_PAGE).statusCode()).isEqualTo(302);
        assertThat(host.client().basic("alice").get(API + "/admin/failed").statusCode()).isEqualTo(403);
        assertThat(host.client().basic("bob").postJson(API + "/admin/failed/1/retry", "", Map.of()).statusCode())
                .isEqualTo(403);
    }

    @Test
    void aFailedTextIsListedWithItsReasonAndSentAgainOnceTheNumberIsFixed() throws Exception {
        MessagingRest rest = new MessagingRest(host);
        long gus = Long.parseLong(rest.candidateId("Gus"));
        host.host().candidateChanges().updateContact(gus, "gus.lindqvist@example.com", TwilioApiServlet.INVALID_TO, true);
        String conversation = rest.conversation("alice", Long.toString(gus));
        String messageId = rest.send("alice", conversation, "SMS", "Interview", "Are you free on Monday?");

        HostClient admin = host.client().basic("admin");
        JsonNode failed = rest.awaitFailed(messageId);
        assertThat(failed.get("candidate").get("name").asText()).isEqualTo("Gus Lindqvist");
        assertThat(failed.get("message").get("error").get("message").asText()).contains("not a valid phone number");
        assertThat(JSON.readTree(admin.get(API + "/admin/health").body()).get("failedToday").asLong()).isPositive();

        host.host().candidateChanges().updateContact(gus, "gus.lindqvist@example.com", "+14155550188", true);
        HttpResponse<String> retried = admin.postJson(API + "/admin/failed/" + messageId + "/retry", "", Map.of());
        assertThat(retried.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(retried.body()).get("status").asText()).isEqualTo("QUEUED");
        rest.awaitStatus("alice", conversation, messageId, "DELIVERED");

        assertThat(admin.postJson(API + "/admin/failed/" + messageId + "/retry", "", Map.of()).statusCode()).isEqualTo(409);
        assertThat(admin.postJson(API + "/admin/failed/999999/retry", "", Map.of()).statusCode()).isEqualTo(404);
        assertThat(admin.postJson(API + "/admin/failed/x'/retry", "", Map.of()).statusCode()).isEqualTo(404);
        assertThat(admin.get(API + "/admin/failed?limit=0").statusCode()).isEqualTo(400);
    }

    @Test
    void settingsFromTheHostThatCannotBeUsedShowOnThePluginsPageAndGoAwayWhenFixed() throws Exception {
        HostClient admin = host.client().login("admin");
        withPluginConfiguration("smtp.port", "twenty-five", () -> {
            String page = awaitPluginsPage(admin, "data-state=\"Failed\"");
            assertThat(page).contains("smtp.port: A whole number from 1 to 65535.");
            assertThat(admin.get("/dashboard").statusCode()).as("the host keeps serving").isEqualTo(200);
            assertThat(JSON.readTree(host.client().basic("admin").get(API + "/admin/health").body())
                    .get("problem").asText()).contains("smtp.port");
        });
        assertThat(awaitPluginsPage(admin, "data-plugin-row=\"com.example.ats.messaging\" data-state=\"Enabled\""))
                .doesNotContain("smtp.port:");
    }

    @Test
    void whenAServiceTheCoreNeedsIsMissingThePluginsPageSaysSoAndTheHostKeepsServing() throws Exception {
        HostClient admin = host.client().login("admin");
        withPluginConfiguration("dataSource.target", "(ats.datasource=no-such-database)", () -> {
            String page = awaitPluginsPage(admin, "Messaging did not start");
            assertThat(page).contains("data-plugin-row=\"com.example.ats.messaging\" data-state=\"Failed\"");
            assertThat(admin.get("/dashboard").statusCode()).isEqualTo(200);
            assertThat(host.client().basic("alice").get(API + "/unread").statusCode()).isEqualTo(503);
        });
        awaitPluginsPage(admin, "data-plugin-row=\"com.example.ats.messaging\" data-state=\"Enabled\"");
        PluginInHostIntegrationTest.awaitRest(host.client().basic("alice"));
    }

    /** Checks to run while one value of the plugin's ConfigAdmin configuration is changed. */
    private interface Checks {
        void run() throws Exception;
    }

    /** Runs the checks with one configuration value changed as the host would, then puts the original back. */
    private static void withPluginConfiguration(String key, Object value, Checks checks) throws Exception {
        Configuration configuration = configurationAdmin().getConfiguration(SandboxPluginSettings.MESSAGING_PID, "?");
        Dictionary<String, Object> original = configuration.getProperties();
        Dictionary<String, Object> changed = new Hashtable<>();
        for (var keys = original.keys(); keys.hasMoreElements(); ) {
            String name = keys.nextElement();
            changed.put(name, original.get(name));
        }
        changed.put(key, value);
        configuration.update(changed);
        try {
            checks.run();
        } finally {
            configuration.update(original);
        }
    }

    private static String awaitPluginsPage(HostClient admin, String expected) throws Exception {
        return admin.awaitPage("/admin/plugins", expected, Duration.ofSeconds(10));
    }

    private static ConfigurationAdmin configurationAdmin() {
        ServiceReference<ConfigurationAdmin> reference = host.host().context().getServiceReference(ConfigurationAdmin.class);
        return host.host().context().getService(reference);
    }
}
