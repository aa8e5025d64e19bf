package com.example.ats.refhost.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.refhost.testing.Browsers;
import com.example.ats.refhost.testing.pages.CandidateProfilePage;
import com.example.ats.refhost.testing.pages.HostHeader;
import com.example.ats.refhost.testing.pages.LoginPage;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A real browser logs in to the running host and finds the plugin's icon and tab. */
class BrowserSmokeTest extends BrowserTest {
    @Test
    void aliceSeesTheChatIconAndTheCommunicationsTab() throws Exception {
        HostHeader header = new LoginPage(driver, host.baseUrl()).logInAs("alice");

        assertThat(driver.getCurrentUrl()).endsWith("/dashboard");
        WebElement icon = header.item("data-messaging", "header-icon").orElseThrow();
        assertThat(icon.isDisplayed()).isTrue();
        WebElement badge = new WebDriverWait(driver, Duration.ofSeconds(5)).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-messaging='unread-badge']")));
        assertThat(badge.isDisplayed()).as("badge hidden at 0").isFalse();
        Browsers.screenshot(driver, "smoke-dashboard-alice");

        driver.get(host.baseUrl() + "/candidates?q=Dana");
        driver.findElement(By.linkText("Dana Whitfield")).click();
        CandidateProfilePage profile = new CandidateProfilePage(driver);
        assertThat(profile.candidateName()).isEqualTo("Dana Whitfield");
        WebElement tab = profile.tab("data-messaging", "communications-tab").orElseThrow();
        assertThat(tab.getText()).isEqualTo("Communications");
        WebElement panel = profile.open(tab);
        assertThat(panel.isDisplayed()).isTrue();
        assertThat(tab.getAttribute("aria-selected")).isEqualTo("true");
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.textToBePresentInElement(
                panel.findElement(By.cssSelector("[data-messaging='communications-list']")), "No messages"));
        Browsers.screenshot(driver, "smoke-profile-communications");
    }

    @Test
    void carolOnThePortalSeesNothingOfThePlugin() throws Exception {
        HostHeader header = new LoginPage(driver, host.baseUrl()).logInAs("carol");

        assertThat(driver.getCurrentUrl()).endsWith("/portal");
        assertThat(header.isShown()).isFalse();
        assertThat(driver.findElements(By.cssSelector("[data-messaging]"))).isEmpty();
        Browsers.screenshot(driver, "smoke-portal-carol");
    }
}
