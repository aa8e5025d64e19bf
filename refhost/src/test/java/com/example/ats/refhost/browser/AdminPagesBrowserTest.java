package com.example.ats.refhost.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.refhost.sandbox.TwilioApiServlet;
import com.example.ats.refhost.testing.Browsers;
import com.example.ats.refhost.testing.MessagingRest;
import com.example.ats.refhost.testing.pages.LoginPage;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** An administrator configures and watches messaging through the pages in the host's admin area. */
class AdminPagesBrowserTest extends BrowserTest {

    @Test
    void settingsAreCheckedBesideEachFieldSecretsStayWriteOnlyAndTheTestButtonsReportTheProvider() throws Exception {
        new LoginPage(driver, host.baseUrl()).logInAs("admin");
        driver.get(host.baseUrl() + "/admin/plugins");
        driver.findElement(By.cssSelector("[data-messaging='admin-settings-link']")).click();
        WebElement smtpHost = field("smtp.host");
        await().until(d -> !smtpHost.getAttribute("value").isEmpty());
        assertThat(smtpHost.getAttribute("value")).isEqualTo("127.0.0.1");
        assertThat(secretState("twilio.auth.token")).startsWith("Set");
        assertThat(field("twilio.auth.token").getAttribute("value")).isEmpty();
        assertThat(driver.getPageSource()).doesNotContain("sandbox-auth-token");

        String smtpPort = field("smtp.port").getAttribute("value");
        type("smtp.port", "70000");
        type("twilio.account.sid", "nope");
        type("email.from.name", "Acme Talent");
        save();
        WebElement portError = driver.findElement(By.cssSelector("[data-field-error='smtp.port']"));
        await().until(d -> portError.isDisplayed());
        assertThat(portError.getText()).isEqualTo("A whole number from 1 to 65535.");
        assertThat(driver.findElement(By.cssSelector("[data-field-error='twilio.account.sid']")).getText())
                .startsWith("An Account SID is AC");
        assertThat(field("smtp.port").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.switchTo().activeElement().getAttribute("data-setting")).isEqualTo("smtp.port");
        assertThat(status()).contains("Nothing was saved");
        assertThat(settings().get("settings").get("email.from.name").asText()).as("all or nothing")
                .isNotEqualTo("Acme Talent");
        Browsers.screenshot(driver, "admin-settings-invalid");

        type("smtp.port", smtpPort);
        type("twilio.account.sid", "AC00000000000000000000000000000000");
        save();
        await().until(d -> status().startsWith("Settings saved"));
        assertThat(portError.isDisplayed()).isFalse();
        JsonNode saved = settings();
        assertThat(saved.get("settings").get("email.from.name").asText()).isEqualTo("Acme Talent");
        assertThat(saved.get("secrets").get("twilio.auth.token").asBoolean()).as("kept when not typed").isTrue();

        String smsWebhook = host.baseUrl() + "/rest/messaging/1.0/webhooks/twilio/sms";
        assertThat(driver.findElement(By.cssSelector("[data-webhook-url='/rest/messaging/1.0/webhooks/twilio/sms']"))
                .getText()).isEqualTo(smsWebhook);
        driver.findElement(By.cssSelector("[data-copy-webhook='/rest/messaging/1.0/webhooks/twilio/sms']")).click();
        await().until(d -> d.findElement(By.cssSelector("[data-messaging='copy-status']")).getText().contains(smsWebhook));

        runTest("email", "someone@example.com");
        assertThat(testResult("email").getAttribute("data-ok")).isEqualTo("true");
        assertThat(testResult("email").getText()).contains("accepted by the mail server");
        runTest("sms", "+14155550101");
        assertThat(testResult("sms").getAttribute("data-ok")).isEqualTo("true");

        type("twilio.auth.token", "a-wrong-token");
        save();
        await().until(d -> status().startsWith("Settings saved"));
        assertThat(field("twilio.auth.token").getAttribute("value")).as("a secret is not shown again").isEmpty();
        runTest("sms", "+14155550101");
        assertThat(testResult("sms").getAttribute("data-ok")).isEqualTo("false");
        assertThat(testResult("sms").getText()).contains("TWILIO_AUTH_FAILED").contains("Twilio refused the account credentials");
        Browsers.screenshot(driver, "admin-settings");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()",
                driver.findElement(By.id("messaging-webhooks-heading")));
        Browsers.screenshot(driver, "admin-settings-webhooks-and-tests");
    }

    @Test
    void theHealthPageShowsTheFiguresAndSendsAFailedTextAgain() throws Exception {
        MessagingRest rest = new MessagingRest(host);
        long gus = Long.parseLong(rest.candidateId("Gus"));
        host.host().candidateChanges().updateContact(gus, "gus.lindqvist@example.com", TwilioApiServlet.INVALID_TO, true);
        String conversation = rest.conversation("alice", Long.toString(gus));
        rest.send("alice", conversation, "EMAIL", "Welcome", "Thanks for applying.");
        String failed = rest.send("alice", conversation, "SMS", "Interview", "Are you free on Monday?");
        rest.awaitFailed(failed);

        new LoginPage(driver, host.baseUrl()).logInAs("admin");
        driver.get(host.baseUrl() + "/admin/plugins");
        driver.findElement(By.cssSelector("[data-messaging='admin-health-link']")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-health='failed-today']"), "1"));
        assertThat(driver.findElement(By.cssSelector("[data-health='email-last-success']")).getText()).isNotEqualTo("never");
        WebElement row = await().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-failed-message='" + failed + "']")));
        assertThat(row.getText()).contains("Gus Lindqvist").contains("SMS").contains("Alice Recruiter")
                .contains("not a valid phone number");
        Browsers.screenshot(driver, "admin-health");

        host.host().candidateChanges().updateContact(gus, "gus.lindqvist@example.com", "+14155550188", true);
        row.findElement(By.cssSelector("[data-messaging='failed-retry']")).click();
        await().until(ExpectedConditions.textToBePresentInElement(row, "Queued again"));
        rest.awaitStatus("alice", conversation, failed, "DELIVERED");
    }

    private WebDriverWait await() {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    private WebElement field(String key) {
        return driver.findElement(By.cssSelector("[data-setting='" + key + "']"));
    }

    private void type(String key, String value) {
        WebElement input = field(key);
        input.clear();
        input.sendKeys(value);
    }

    private String secretState(String key) {
        return driver.findElement(By.cssSelector("[data-secret-state='" + key + "']")).getText();
    }

    private void save() {
        driver.findElement(By.cssSelector("[data-messaging='settings-save']")).click();
    }

    private String status() {
        return driver.findElement(By.cssSelector("[data-messaging='settings-status']")).getText();
    }

    private WebElement testResult(String channel) {
        return driver.findElement(By.cssSelector("[data-messaging='test-" + channel + "-result']"));
    }

    private void runTest(String channel, String to) {
        WebElement input = driver.findElement(By.cssSelector("[data-messaging='test-" + channel + "-to']"));
        input.clear();
        input.sendKeys(to);
        driver.findElement(By.cssSelector("[data-messaging='test-" + channel + "']")).click();
        await().until(d -> testResult(channel).getAttribute("data-ok") != null
                && !testResult(channel).getText().equals("Sending…"));
    }

    private JsonNode settings() throws Exception {
        return MessagingRest.json(host.client().basic("admin").get(MessagingRest.API + "/admin/settings").body());
    }
}
