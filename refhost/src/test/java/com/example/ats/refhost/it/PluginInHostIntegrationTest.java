package com.example.ats.refhost.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.refhost.plugins.InstalledPlugin;
import com.example.ats.refhost.testing.HostClient;
import com.example.ats.refhost.testing.RunningHost;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/**
 * The messaging plugin inside the reference host, in a real Felix, driven over HTTP: its header
 * icon, its profile tab, its REST module, and what stopping and starting the bundle does to them.
 */
class PluginInHostIntegrationTest {
    private static final String ICON = "data-messaging=\"header-icon\"";
    private static final String TAB = "data-messaging=\"communications-tab\"";
    private static final String UNREAD = "/rest/messaging/1.0/unread";

    private static RunningHost host;
    private static long danaId;
    private static long ivanId;

    @BeforeAll
    static void start() throws Exception {
        host = RunningHost.start();
        HostClient alice = host.client().login("alice");
        danaId = candidateId(alice, "Dana Whitfield");
        ivanId = candidateId(alice, "Ivan Petrov");
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void headerIconShowsOnRecruiterPagesAndNeverOnThePortal() throws Exception {
        HttpResponse<String> dashboard = host.client().login("alice").get("/dashboard");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains(ICON).contains("messaging.js");

        HostClient carol = host.client().login("carol");
        HttpResponse<String> portal = carol.get("/portal");
        assertThat(portal.statusCode()).isEqualTo(200);
        assertThat(portal.body()).contains("Carol Candidate").doesNotContain("data-messaging").doesNotContain("messaging.js");
        assertThat(carol.get("/dashboard").statusCode()).isEqualTo(403);
        assertThat(carol.get("/candidates/" + danaId).body()).doesNotContain("data-messaging");
    }

    @Test
    void communicationsTabShowsOnProfilesTheUserMaySee() throws Exception {
        HttpResponse<String> profile = host.client().login("alice").get("/candidates/" + danaId);
        assertThat(profile.statusCode()).isEqualTo(200);
        assertThat(profile.body()).contains(TAB).contains(">Communications</button>")
                .contains("data-candidate-id=\"" + danaId + "\"");

        assertThat(host.client().login("alice").get("/candidates/" + ivanId).body()).contains(TAB);
        HttpResponse<String> bobOnIvan = host.client().login("bob").get("/candidates/" + ivanId);
        assertThat(bobOnIvan.statusCode()).isEqualTo(403);
        assertThat(bobOnIvan.body()).doesNotContain(TAB).doesNotContain("Ivan Petrov");
    }

    @Test
    void restModuleAnswersEachDemoUserAsTheContractSays() throws Exception {
        HttpResponse<String> anonymous = host.client().get(UNREAD);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(anonymous.body()).matches("\\{\"error\":\\{\"code\":\"NOT_AUTHENTICATED\",\"message\":\"[^\"]+\"}}");

        assertThat(host.client().basic("carol").get(UNREAD).statusCode()).isEqualTo(403);
        assertThat(host.client().login("carol").get(UNREAD).body()).contains("\"code\":\"FORBIDDEN\"");
        assertThat(host.client().basic("nobody").get(UNREAD).statusCode()).isEqualTo(401);

        for (String user : new String[] {"admin", "alice", "bob"}) {
            HttpResponse<String> basic = host.client().basic(user).get(UNREAD);
            assertThat(basic.statusCode()).as(user).isEqualTo(200);
            assertThat(basic.body()).isEqualTo("{\"count\":0}");
            assertThat(host.client().login(user).get(UNREAD).body()).as(user + " with a session").isEqualTo("{\"count\":0}");
        }
    }

    @Test
    void unknownApiPathsAnswerInTheErrorShape() throws Exception {
        HttpResponse<String> missing = host.client().basic("alice").get("/rest/messaging/1.0/nothing-here");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("\"code\":\"NOT_FOUND\"");

        HttpResponse<String> noModule = host.client().basic("alice").get("/rest/other/1.0/x");
        assertThat(noModule.statusCode()).isEqualTo(404);
        assertThat(noModule.body()).contains("\"code\":\"NOT_FOUND\"");
    }

    @Test
    void stoppingTheBundleRemovesIconTabAndEndpointAndStartingBringsThemBack() throws Exception {
        Bundle bundle = host.pluginBundle();
        HostClient alice = host.client().login("alice");
        try {
            bundle.stop();

            assertThat(alice.get("/dashboard").body()).doesNotContain(ICON).doesNotContain("messaging.js");
            assertThat(alice.get("/candidates/" + danaId).body()).doesNotContain(TAB);
            assertThat(alice.get(UNREAD).statusCode()).isEqualTo(404);
        } finally {
            bundle.start();
        }
        Duration answering = awaitRest(alice);

        assertThat(alice.get("/dashboard").body()).contains(ICON);
        assertThat(alice.get("/candidates/" + danaId).body()).contains(TAB);
        assertThat(alice.get(UNREAD).body()).isEqualTo("{\"count\":0}");
        System.out.println("[figure] plugin bundle start to REST answering: " + answering.toMillis() + " ms");
    }

    @Test
    void theMessagingPluginIsEnabledWithoutProblems() {
        InstalledPlugin plugin = host.host().extender().plugin(host.pluginBundle().getBundleId()).orElseThrow();

        assertThat(plugin.isEnabled()).isTrue();
        assertThat(plugin.problem()).isEmpty();
        assertThat(plugin.name(java.util.Locale.GERMAN)).isEqualTo("Kandidaten-Nachrichten");
    }

    static Duration awaitRest(HostClient client) throws Exception {
        long started = System.nanoTime();
        long deadline = started + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (client.get(UNREAD).statusCode() == 200) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            Thread.sleep(10);
        }
        throw new AssertionError("The REST module did not come back within 20 s");
    }

    static long candidateId(HostClient client, String name) throws Exception {
        String list = client.get("/candidates?q=" + name.replace(' ', '+')).body();
        java.util.regex.Matcher matcher = java.util.regex.Pattern
                .compile("<a href=\"/candidates/([0-9]+)\">" + name + "</a>").matcher(list);
        if (!matcher.find()) {
            throw new AssertionError("No candidate " + name + " in " + list);
        }
        return Long.parseLong(matcher.group(1));
    }
}
