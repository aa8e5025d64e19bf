package com.example.ats.refhost.bench;

import com.example.ats.refhost.testing.Browsers;
import com.example.ats.refhost.testing.RunningHost;
import com.example.ats.refhost.testing.TwilioWebhook;
import com.example.ats.refhost.testing.pages.LoginPage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Time from an inbound SMS webhook being posted to its bubble on screen in the open chat (issue 5),
 * over N replies, beside the time the webhook call itself takes (its answer, in the same run).
 * A MutationObserver in the page stamps each bubble when it is added; host, browser and this client
 * share the machine's clock. args: [replies]
 */
public final class UiLatencyBench {
    private UiLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        int replies = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        try (RunningHost host = RunningHost.start()) {
            WebDriver driver = Browsers.headlessChromium();
            try {
                new LoginPage(driver, host.baseUrl()).logInAs("alice");
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
                driver.findElement(By.cssSelector("[data-messaging='header-icon']")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-messaging='start-chat']")))
                        .click();
                driver.findElement(By.cssSelector("[data-messaging='candidate-search']")).sendKeys("Dana");
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".messaging-result"))).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-messaging='conversation']")));
                ((JavascriptExecutor) driver).executeScript(
                        "window.__seen = {};"
                        + "new MutationObserver(function (records) { records.forEach(function (r) {"
                        + "  r.addedNodes.forEach(function (n) { if (n.getAttribute && n.getAttribute('data-direction') === 'INBOUND') {"
                        + "    var body = n.querySelector('.messaging-bubble__body');"
                        + "    if (body && !(body.textContent in window.__seen)) window.__seen[body.textContent] = Date.now(); } }); });"
                        + "}).observe(document.querySelector('.messaging-bubbles'), { childList: true });");
                List<Long> toScreen = new ArrayList<>();
                List<Long> webhook = new ArrayList<>();
                for (int i = 0; i < replies + 5; i++) {
                    String text = "ping " + i;
                    long posted = System.currentTimeMillis();
                    int status = TwilioWebhook.postSigned(host, TwilioWebhook.SMS,
                            TwilioWebhook.inboundText("SMlatency" + i, "+14155550101", text)).statusCode();
                    if (status != 200) {
                        throw new IllegalStateException("webhook answered " + status);
                    }
                    long answered = System.currentTimeMillis();
                    Object seen = null;
                    for (int tries = 0; tries < 500 && seen == null; tries++) {
                        seen = ((JavascriptExecutor) driver).executeScript("return window.__seen[arguments[0]];", text);
                        if (seen == null) {
                            Thread.sleep(5);
                        }
                    }
                    if (i >= 5) { // the first few warm the page and the host up
                        toScreen.add(seen == null ? 5_000L : ((Number) seen).longValue() - posted);
                        webhook.add(answered - posted);
                    }
                }
                System.out.printf("inbound SMS webhook to bubble on screen, %d replies: p50 %d ms, p99 %d ms | "
                        + "baseline (the webhook call's own answer): p50 %d ms, p99 %d ms%n", replies,
                        percentile(toScreen, 50), percentile(toScreen, 99), percentile(webhook, 50), percentile(webhook, 99));
            } finally {
                driver.quit();
            }
        }
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }

}
