package com.example.ats.refhost.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.refhost.testing.Browsers;
import com.example.ats.refhost.testing.TwilioWebhook;
import com.example.ats.refhost.testing.pages.LoginPage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The panel behind the header icon: start a chat, compose by email and SMS, a reply popping up live. */
class MessagingPanelBrowserTest extends BrowserTest {
    private WebDriverWait await() {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    private WebElement hook(String name) {
        return await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-messaging='" + name + "']")));
    }

    private void openChatWith(String query, String name) {
        hook("header-icon").click();
        hook("panel");
        hook("start-chat").click();
        hook("candidate-search").sendKeys(query);
        await().until(ExpectedConditions.elementToBeClickable(
                By.xpath("//button[contains(@class,'messaging-result')][strong[text()='" + name + "']]"))).click();
        await().until(ExpectedConditions.textToBe(By.cssSelector(".messaging-conversation__title"), name));
    }

    @Test
    void startAChatComposeBySmsAndSeeTheReplyPopUp() throws Exception {
        new LoginPage(driver, host.baseUrl()).logInAs("alice");
        openChatWith("Dana", "Dana Whitfield");

        WebElement send = hook("send");
        WebElement subject = hook("subject");
        WebElement body = hook("body");
        assertThat(send.isEnabled()).isFalse();
        subject.sendKeys("Interview");
        assertThat(send.isEnabled()).as("subject alone is not enough").isFalse();
        body.sendKeys("   ");
        assertThat(send.isEnabled()).as("blank body").isFalse();
        body.sendKeys("Would Tuesday 10:00 suit you?");
        assertThat(send.isEnabled()).isTrue();
        WebElement sms = driver.findElement(By.cssSelector("[data-messaging='channel-sms']"));
        assertThat(sms.isEnabled()).isTrue();
        sms.click();
        assertThat(driver.findElement(By.cssSelector(".messaging-composer .messaging-hint:not([hidden])")).getText())
                .contains("/ 1600").contains("1 SMS (GSM-7)");
        send.click();

        WebElement sent = await().until(d -> d.findElements(By.cssSelector("[data-messaging='bubble'][data-direction='OUTBOUND']"))
                .stream().findFirst().orElse(null));
        assertThat(sent.getText()).contains("Would Tuesday 10:00 suit you?").contains("SMS").contains("Alice Recruiter");
        Browsers.screenshot(driver, "panel-sms-sent");

        assertThat(TwilioWebhook.postSigned(host, TwilioWebhook.SMS,
                TwilioWebhook.inboundText("SMpanel0001", "+14155550101", "Yes, <b>Tuesday</b> works")).statusCode())
                .isEqualTo(200);
        WebElement reply = await().until(d -> d.findElements(By.cssSelector("[data-messaging='bubble'][data-direction='INBOUND']"))
                .stream().findFirst().orElse(null));
        assertThat(reply.getText()).contains("Yes, <b>Tuesday</b> works").contains("Dana Whitfield");
        assertThat(reply.findElements(By.tagName("b"))).isEmpty();
        Browsers.screenshot(driver, "panel-reply-live");

        hook("body").sendKeys(Keys.ESCAPE);
        await().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-messaging='panel']")));
    }

    @Test
    void aNarrowWindowAndTheKeyboardAloneWork() throws Exception {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(420, 800));
        new LoginPage(driver, host.baseUrl()).logInAs("alice");
        WebElement icon = hook("header-icon");
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(icon).perform();
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].focus();", icon);
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        WebElement panel = hook("panel");
        assertThat(panel.getRect().getWidth()).isLessThanOrEqualTo(420);
        assertThat(driver.switchTo().activeElement().getAttribute("data-messaging")).isNull(); // focus moved into it
        assertThat(panel.findElement(By.cssSelector(":focus"))).isNotNull();
        Browsers.screenshot(driver, "panel-narrow");
        driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        await().until(ExpectedConditions.invisibilityOf(panel));
        assertThat(driver.switchTo().activeElement().getAttribute("data-messaging")).isEqualTo("header-icon");
    }

    @Test
    void smsIsDisabledWithTheReasonForACandidateWithoutAValidPhone() throws Exception {
        new LoginPage(driver, host.baseUrl()).logInAs("alice");
        openChatWith("Hana", "Hana Sato");

        WebElement sms = driver.findElement(By.cssSelector("[data-messaging='channel-sms']"));
        await().until(d -> !sms.isEnabled());
        List<WebElement> hints = driver.findElements(By.cssSelector(".messaging-composer .messaging-hint:not([hidden])"));
        assertThat(hints).extracting(WebElement::getText).anyMatch(text -> text.contains("not valid"));
        assertThat(driver.findElement(By.cssSelector("[data-messaging='channel-email']")).isSelected()).isTrue();
        Browsers.screenshot(driver, "panel-sms-disabled");
    }

    @Test
    void theCommunicationsTabCarriesOnWithTheSameComposer() throws Exception {
        new LoginPage(driver, host.baseUrl()).logInAs("alice");
        String body = host.client().basic("alice").get("/rest/messaging/1.0/candidates?q=Gus").body();
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\":\"([0-9]+)\"").matcher(body);
        assertThat(id.find()).isTrue();
        driver.get(host.baseUrl() + "/candidates/" + id.group(1));
        com.example.ats.refhost.testing.pages.CandidateProfilePage profile =
                new com.example.ats.refhost.testing.pages.CandidateProfilePage(driver);
        WebElement tab = profile.open(profile.tab("data-messaging", "communications-tab").orElseThrow());

        WebElement subject = await().until(d -> tab.findElement(By.cssSelector("[data-messaging='subject']")));
        WebElement text = tab.findElement(By.cssSelector("[data-messaging='body']"));
        WebElement send = tab.findElement(By.cssSelector("[data-messaging='send']"));
        await().until(d -> !tab.findElement(By.cssSelector("[data-messaging='channel-sms']")).isEnabled());
        assertThat(send.isEnabled()).isFalse();
        subject.sendKeys("Your portfolio");
        text.sendKeys("Could you send it before Friday?");
        send.click();

        WebElement bubble = await().until(d -> tab.findElements(By.cssSelector("[data-messaging='bubble']")).stream()
                .findFirst().orElse(null));
        assertThat(bubble.getText()).contains("Your portfolio").contains("Could you send it before Friday?");
        assertThat(bubble.getAttribute("data-direction")).isEqualTo("OUTBOUND");
        Browsers.screenshot(driver, "communications-tab-composer");
    }

}
