package com.example.ats.refhost.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.refhost.plugins.InstalledPlugin;
import com.example.ats.refhost.testing.HostClient;
import com.example.ats.refhost.testing.RunningHost;
import com.example.ats.refhost.testing.TestBundles;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/**
 * Plugins that cannot work are disabled on their own with a clear reason, and administrators
 * manage plugins at runtime through the Plugins page.
 */
class PluginAdministrationIntegrationTest {
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
    void aMalformedDescriptorDisablesOnlyThatPluginNamingFileAndLine() throws Exception {
        Bundle broken = install("test.broken.xml", Map.of("plugin-descriptor.xml", """
                <ats-plugin key="broken">
                  <web-item key="a" section="header">
                    <label key="x"/>
                </ats-plugin>
                """));
        try {
            InstalledPlugin plugin = host.host().extender().plugin(broken.getBundleId()).orElseThrow();
            assertThat(plugin.isEnabled()).isFalse();
            assertThat(plugin.problem()).hasValueSatisfying(problem -> assertThat(problem)
                    .startsWith("test.broken.xml!/plugin-descriptor.xml line 4: not well-formed XML"));
            assertMessagingStillWorks();
            String page = host.client().login("admin").get("/admin/plugins").body();
            assertThat(page).contains("data-plugin-row=\"test.broken.xml\" data-state=\"Failed\"")
                    .contains("line 4: not well-formed XML");
        } finally {
            broken.uninstall();
        }
    }

    @Test
    void anUnknownModuleTypeDisablesThePlugin() throws Exception {
        Bundle unknown = install("test.unknown.module", Map.of("plugin-descriptor.xml", """
                <ats-plugin key="unknown">
                  <servlet key="s" url="/s"/>
                </ats-plugin>
                """));
        try {
            assertThat(problemOf(unknown)).hasValueSatisfying(p -> assertThat(p)
                    .isEqualTo("test.unknown.module!/plugin-descriptor.xml line 2: unknown module type <servlet> "
                            + "(known: i18n, plugin-info, rest, web-item, web-panel, web-resource)"));
            assertMessagingStillWorks();
        } finally {
            unknown.uninstall();
        }
    }

    @Test
    void aMissingClassDisablesThePluginWithTheLineNamingIt() throws Exception {
        Bundle missing = install("test.missing.class", Map.of("plugin-descriptor.xml", """
                <ats-plugin key="missing">
                  <web-item key="a" section="header">
                    <label key="x"/>
                    <condition class="com.example.NoSuchCondition"/>
                  </web-item>
                </ats-plugin>
                """));
        try {
            assertThat(problemOf(missing)).contains(
                    "test.missing.class!/plugin-descriptor.xml line 4: class com.example.NoSuchCondition is not in the bundle");
            assertThat(host.client().login("alice").get("/dashboard").body()).doesNotContain("data-web-item=\"a\"");
            assertMessagingStillWorks();
        } finally {
            missing.uninstall();
        }
    }

    @Test
    void aPluginWithAValidDescriptorAddsItsItemsAndLosesThemWhenUninstalled() throws Exception {
        Bundle simple = install("test.simple", Map.of(
                "plugin-descriptor.xml", """
                        <ats-plugin key="simple">
                          <i18n key="texts" location="i18n/simple"/>
                          <web-item key="help" section="header" weight="10">
                            <label key="simple.help"/>
                            <link>/help</link>
                          </web-item>
                        </ats-plugin>
                        """,
                "i18n/simple.properties", "simple.help=Help <&> more\n"));
        try {
            assertThat(problemOf(simple)).isEmpty();
            String dashboard = host.client().login("alice").get("/dashboard").body();
            assertThat(dashboard).contains("data-web-item=\"help\"").contains("Help &lt;&amp;&gt; more");
            assertThat(dashboard.indexOf("data-web-item=\"help\"")).as("lower weight first")
                    .isLessThan(dashboard.indexOf("data-web-item=\"header-chat\""));
        } finally {
            simple.uninstall();
        }
        assertThat(host.client().login("alice").get("/dashboard").body()).doesNotContain("data-web-item=\"help\"");
    }

    @Test
    void onlyAdministratorsSeeThePluginsPage() throws Exception {
        HttpResponse<String> admin = host.client().login("admin").get("/admin/plugins");
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("data-plugin-row=\"com.example.ats.messaging\" data-state=\"Enabled\"")
                .contains("Candidate Messaging");
        assertThat(host.client().login("admin").get("/dashboard").body()).contains("href=\"/admin/plugins\"");

        assertThat(host.client().login("alice").get("/admin/plugins").statusCode()).isEqualTo(403);
        assertThat(host.client().login("alice").get("/dashboard").body()).doesNotContain("href=\"/admin/plugins\"");
        assertThat(host.client().login("carol").get("/admin/plugins").statusCode()).isEqualTo(403);
        assertThat(host.client().get("/admin/plugins").statusCode()).isEqualTo(302);
    }

    @Test
    void adminDisablesAndEnablesThePluginThroughTheFormWithItsCsrfToken() throws Exception {
        HostClient admin = host.client().login("admin");
        String bundleId = Long.toString(host.pluginBundle().getBundleId());

        HttpResponse<String> forged = admin.postForm("/admin/plugins", Map.of("action", "disable", "bundleId", bundleId));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(host.pluginBundle().getState()).isEqualTo(Bundle.ACTIVE);

        String token = admin.csrfToken("/admin/plugins");
        HttpResponse<String> disabled = admin.postForm("/admin/plugins",
                Map.of("action", "disable", "bundleId", bundleId, "csrf", token));
        assertThat(disabled.statusCode()).isEqualTo(303);
        assertThat(host.pluginBundle().getState()).isEqualTo(Bundle.RESOLVED);
        assertThat(admin.get("/admin/plugins").body())
                .contains("data-plugin-row=\"com.example.ats.messaging\" data-state=\"Disabled\"");
        assertThat(admin.get("/rest/messaging/1.0/unread").statusCode()).isEqualTo(404);

        HttpResponse<String> enabled = admin.postForm("/admin/plugins",
                Map.of("action", "enable", "bundleId", bundleId, "csrf", token));
        assertThat(enabled.statusCode()).isEqualTo(303);
        PluginInHostIntegrationTest.awaitRest(admin);
        assertThat(admin.get("/admin/plugins").body())
                .contains("data-plugin-row=\"com.example.ats.messaging\" data-state=\"Enabled\"");
    }

    private static void assertMessagingStillWorks() throws Exception {
        HostClient alice = host.client().login("alice");
        assertThat(alice.get("/rest/messaging/1.0/unread").body()).isEqualTo("{\"count\":0}");
        assertThat(alice.get("/dashboard").body()).contains("data-messaging=\"header-icon\"");
    }

    private static Optional<String> problemOf(Bundle bundle) {
        return host.host().extender().plugin(bundle.getBundleId()).orElseThrow().problem();
    }

    private static Bundle install(String symbolicName, Map<String, String> files) throws Exception {
        try (InputStream jar = TestBundles.bundle(symbolicName, files)) {
            return host.host().installer().upload(jar);
        }
    }
}
