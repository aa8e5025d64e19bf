package com.example.ats.refhost.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.refhost.testing.HostClient;
import com.example.ats.refhost.testing.MessagingRest;
import com.example.ats.refhost.testing.RunningHost;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/**
 * An administrator upgrades the running plugin in place, removes it and puts it back, through the
 * host's plugins page; and a plugin whose database cannot be prepared says why and recovers.
 */
class PluginLifecycleIntegrationTest {
    private static final String UNREAD = MessagingRest.API + "/unread";
    private static final String UPGRADE_VERSION = "1.0.1.upgradetest";

    @Test
    void uploadingANewerVersionMigratesItsTablesAndKeepsEveryConversationAndMessage() throws Exception {
        try (RunningHost host = RunningHost.start()) {
            MessagingRest rest = new MessagingRest(host);
            String conversation = rest.conversation("alice", rest.candidateId("Dana"));
            String email = rest.send("alice", conversation, "EMAIL", "Interview", "Are you free on Tuesday?");
            String text = rest.send("alice", conversation, "SMS", "Interview", "Tuesday 10:00?");
            rest.awaitStatus("alice", conversation, email, "SENT");
            rest.awaitStatus("alice", conversation, text, "DELIVERED");
            String before = messages(host, conversation);

            HostClient admin = host.client().login("admin");
            byte[] newer = newerVersion(pluginJar(host), UPGRADE_VERSION, Map.of(
                    "db/messaging/V900__upgrade_probe.sql",
                    "CREATE TABLE msg_upgrade_probe (id INT PRIMARY KEY, note VARCHAR(100));\n"
                            + "INSERT INTO msg_upgrade_probe (id, note) VALUES (1, 'added by " + UPGRADE_VERSION + "');\n"));
            long dropped = System.nanoTime();
            HttpResponse<String> upload = upload(admin, newer);
            Duration answering = awaitRest(host.client().basic("alice"), dropped);
            System.out.println("[figure] new bundle version (" + newer.length / 1024 / 1024
                    + " MB) uploaded to REST answering again: " + answering.toMillis() + " ms");

            assertThat(upload.statusCode()).isEqualTo(303);
            assertThat(host.pluginBundle().getVersion().toString()).isEqualTo(UPGRADE_VERSION);
            assertThat(admin.get("/admin/plugins").body())
                    .contains("data-plugin-row=\"com.example.ats.messaging\" data-state=\"Enabled\"")
                    .contains(UPGRADE_VERSION);
            assertThat(messages(host, conversation)).as("every message, with its status").isEqualTo(before);
            assertThat(messages(host, conversation)).contains(email).contains(text);
            try (Connection db = database(host)) {
                assertThat(single(db, "SELECT note FROM msg_upgrade_probe WHERE id = 1")).isEqualTo("added by " + UPGRADE_VERSION);
                assertThat(single(db, "SELECT \"success\" FROM \"msg_schema_history\" WHERE \"version\" = '900'")).isEqualTo("TRUE");
            }
            String after = rest.send("alice", conversation, "SMS", "Interview", "Still good for Tuesday?");
            rest.awaitStatus("alice", conversation, after, "DELIVERED");
        }
    }

    @Test
    void removingThePluginLeavesTheHostWhole_andPuttingItBackFindsTheOldData() throws Exception {
        try (RunningHost host = RunningHost.start()) {
            MessagingRest rest = new MessagingRest(host);
            String dana = rest.candidateId("Dana");
            String conversation = rest.conversation("alice", dana);
            String sent = rest.send("alice", conversation, "EMAIL", "Interview", "Are you free on Tuesday?");
            rest.awaitStatus("alice", conversation, sent, "SENT");
            String before = messages(host, conversation);
            byte[] jar = pluginJar(host);

            HostClient admin = host.client().login("admin");
            HttpResponse<String> removed = admin.postForm("/admin/plugins", Map.of("action", "uninstall",
                    "bundleId", Long.toString(host.pluginBundle().getBundleId()), "csrf", admin.csrfToken("/admin/plugins")));
            assertThat(removed.statusCode()).isEqualTo(303);
            assertThat(host.bundle(RunningHost.PLUGIN_KEY)).isEmpty();

            HostClient alice = host.client().login("alice");
            HttpResponse<String> dashboard = alice.get("/dashboard");
            assertThat(dashboard.statusCode()).isEqualTo(200);
            assertThat(dashboard.body()).doesNotContain("data-messaging").doesNotContain("/plugins/static/");
            HttpResponse<String> profile = alice.get("/candidates/" + dana);
            assertThat(profile.statusCode()).isEqualTo(200);
            assertThat(profile.body()).contains("Dana Whitfield").doesNotContain("Communications");
            assertThat(alice.get(UNREAD).statusCode()).isEqualTo(404);
            String plugins = admin.get("/admin/plugins").body();
            assertThat(plugins).doesNotContain("com.example.ats.messaging").doesNotContain("admin-settings-link");
            assertThat(admin.get("/admin/pages/com.example.ats.messaging/messaging-settings").statusCode()).isEqualTo(404);

            HttpResponse<String> reinstalled = upload(admin, jar);
            assertThat(reinstalled.statusCode()).isEqualTo(303);
            awaitRest(host.client().basic("alice"), System.nanoTime());
            assertThat(messages(host, conversation)).as("the old conversation and its messages").isEqualTo(before);
            assertThat(alice.get("/dashboard").body()).contains("data-messaging=\"header-icon\"");
        }
    }

    @Test
    void aPluginWhoseTablesCannotBeMigratedSaysWhy_theHostKeepsServing_andItRecoversOnceFixed() throws Exception {
        Path dataDir = Files.createTempDirectory("refhost-lifecycle");
        String jdbcUrl;
        try (RunningHost first = RunningHost.start(dataDir)) {
            awaitRest(first.client().basic("alice"), System.nanoTime());
            jdbcUrl = first.config().effectiveJdbcUrl();
        }
        // Someone edited an applied migration: Flyway refuses to go on until that is repaired.
        try (Connection db = DriverManager.getConnection(jdbcUrl, "sa", "");
             Statement statement = db.createStatement()) {
            statement.executeUpdate("UPDATE \"msg_schema_history\" SET \"checksum\" = \"checksum\" + 1 WHERE \"version\" = '1'");
        }

        try (RunningHost host = RunningHost.start(dataDir)) {
            HostClient admin = host.client().login("admin");
            String page = awaitPluginsPage(admin, "checksum mismatch");
            assertThat(page).contains("data-plugin-row=\"com.example.ats.messaging\" data-state=\"Failed\"")
                    .contains("The messaging database cannot be used");
            assertThat(admin.get("/dashboard").statusCode()).isEqualTo(200);
            assertThat(admin.get("/candidates").statusCode()).isEqualTo(200);
            HttpResponse<String> unread = host.client().basic("alice").get(UNREAD);
            assertThat(unread.statusCode()).isEqualTo(503);
            assertThat(unread.body()).contains("\"code\":\"UNAVAILABLE\"");

            try (Connection db = database(host); Statement statement = db.createStatement()) {
                statement.executeUpdate("UPDATE \"msg_schema_history\" SET \"checksum\" = \"checksum\" - 1 WHERE \"version\" = '1'");
            }
            awaitPluginsPage(admin, "data-plugin-row=\"com.example.ats.messaging\" data-state=\"Enabled\"");
            awaitRest(host.client().basic("alice"), System.nanoTime());
        }
    }

    private static String awaitPluginsPage(HostClient admin, String expected) throws Exception {
        return admin.awaitPage("/admin/plugins", expected, Duration.ofSeconds(30));
    }

    /** The conversation's messages as alice sees them (ids, texts, statuses). */
    private static String messages(RunningHost host, String conversation) throws Exception {
        JsonNode list = MessagingRest.json(host.client().basic("alice")
                .get(MessagingRest.API + "/conversations/" + conversation + "/messages").body());
        return list.get("messages").toString();
    }

    private static HttpResponse<String> upload(HostClient admin, byte[] jar) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = admin.postMultipart("/admin/plugins?action=upload",
                Map.of("csrf", admin.csrfToken("/admin/plugins"), "action", "upload"), "bundle", "ats-messaging.jar", jar);
        System.out.println("[figure] upload request answered in " + Duration.ofNanos(System.nanoTime() - started).toMillis()
                + " ms");
        return response;
    }

    /** Waits for the plugin's REST API to answer; returns the time since {@code since} (nanoTime). */
    private static Duration awaitRest(HostClient client, long since) throws Exception {
        PluginInHostIntegrationTest.awaitRest(client);
        return Duration.ofNanos(System.nanoTime() - since);
    }


    private static byte[] pluginJar(RunningHost host) throws IOException {
        return Files.readAllBytes(host.config().felixDir().resolve("plugins").resolve("ats-messaging.jar"));
    }

    /** The same bundle as a newer version, with extra files (e.g. a migration). */
    private static byte[] newerVersion(byte[] jar, String version, Map<String, String> extraFiles) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarInputStream in = new JarInputStream(new java.io.ByteArrayInputStream(jar))) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().putValue("Bundle-Version", version);
            try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
                List<String> seen = new ArrayList<>();
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    seen.add(entry.getName());
                    out.putNextEntry(new JarEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
                for (Map.Entry<String, String> file : extraFiles.entrySet()) {
                    assertThat(seen).doesNotContain(file.getKey());
                    out.putNextEntry(new JarEntry(file.getKey()));
                    out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                    out.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }

    private static Connection database(RunningHost host) throws SQLException {
        return DriverManager.getConnection(host.config().effectiveJdbcUrl(), "sa", "");
    }

    private static String single(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).as(sql).isTrue();
            return rows.getString(1);
        }
    }
}
