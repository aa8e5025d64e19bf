package com.example.ats.refhost.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.refhost.testing.Browsers;
import com.example.ats.refhost.testing.HostClient;
import com.example.ats.refhost.testing.TwilioWebhook;
import com.example.ats.refhost.testing.pages.LoginPage;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The header badge counts a candidate's reply live, without a reload (event stream). */
class LiveBadgeBrowserTest extends BrowserTest {
    @Test
    void aReplyRaisesTheBadgeWithoutReloading() throws Exception {
        HostClient alice = host.client().basic("alice");
        String body = alice.get("/rest/messaging/1.0/candidates?q=Eli").body();
        Matcher candidate = Pattern.compile("\"id\":\"([0-9]+)\"").matcher(body);
        assertThat(candidate.find()).isTrue();
        assertThat(alice.postJson("/rest/messaging/1.0/conversations", "{\"candidateId\":\"" + candidate.group(1) + "\"}",
                Map.of()).statusCode()).isIn(200, 201);

        new LoginPage(driver, host.baseUrl()).logInAs("alice");
        WebElement badge = new WebDriverWait(driver, Duration.ofSeconds(5)).until(
                d -> d.findElement(By.cssSelector("[data-messaging='unread-badge']")));
        long before = Long.parseLong(badge.getAttribute("textContent"));
        Thread.sleep(500); // let the stream connect

        assertThat(TwilioWebhook.postSigned(host, TwilioWebhook.SMS,
                TwilioWebhook.inboundText("SMbadge0001", "+447911123456", "Yes, Tuesday works")).statusCode()).isEqualTo(200);

        new WebDriverWait(driver, Duration.ofSeconds(10)).until(
                d -> Long.parseLong(badge.getAttribute("textContent")) == before + 1 && badge.isDisplayed());
        assertThat(driver.getCurrentUrl()).endsWith("/dashboard");
        WebElement notice = new WebDriverWait(driver, Duration.ofSeconds(10)).until(
                d -> d.findElements(By.cssSelector("[data-messaging='notice']")).stream().filter(WebElement::isDisplayed)
                        .findFirst().orElse(null));
        assertThat(notice.getText()).isEqualTo("New message from Eli Okafor");
        notice.click();
        WebElement bubble = new WebDriverWait(driver, Duration.ofSeconds(10)).until(
                d -> d.findElements(By.cssSelector("[data-messaging='panel'] [data-messaging='bubble'][data-direction='INBOUND']"))
                        .stream().findFirst().orElse(null));
        assertThat(bubble.getText()).contains("Yes, Tuesday works");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !badge.isDisplayed());
        Browsers.screenshot(driver, "header-badge-live");
    }

}
