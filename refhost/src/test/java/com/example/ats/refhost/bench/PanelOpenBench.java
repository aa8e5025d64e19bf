package com.example.ats.refhost.bench;

import com.example.ats.refhost.testing.Browsers;
import com.example.ats.refhost.testing.RunningHost;
import com.example.ats.refhost.testing.pages.LoginPage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * How long the messaging panel takes to open with its chat list filled, for a recruiter with
 * CONVERSATIONS conversations (default 500), measured in the page (click to list rendered) over
 * 20 openings, beside the time the page takes to fetch /unread (same run, same page).
 * args: [conversations]
 */
public final class PanelOpenBench {
    private PanelOpenBench() {
    }

    public static void main(String[] args) throws Exception {
        int conversations = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        Path data = Files.createTempDirectory("panel-bench");
        String url;
        try (RunningHost first = RunningHost.start(data)) {
            url = first.config().effectiveJdbcUrl();
        }
        DataGenerator.main(new String[] {url, "sa", "", "1", Integer.toString(conversations), "20"});
        try (RunningHost host = RunningHost.start(data)) {
            WebDriver driver = Browsers.headlessChromium();
            try {
                LoginPage login = new LoginPage(driver, host.baseUrl());
                login.logInAs("rec1", "bench");
                JavascriptExecutor js = (JavascriptExecutor) driver;
                new WebDriverWait(driver, Duration.ofSeconds(10)).until(
                        d -> d.findElements(By.cssSelector("[data-messaging='header-icon']")).size() == 1);
                List<Double> open = new ArrayList<>();
                List<Double> unread = new ArrayList<>();
                for (int i = 0; i < 25; i++) {
                    Object took = js.executeAsyncScript(
                            "var done = arguments[arguments.length - 1];"
                            + "var icon = document.querySelector('[data-messaging=\"header-icon\"]');"
                            // Empty the list first: a reopened panel would otherwise show the last one at once.
                            + "document.querySelectorAll('.messaging-chats').forEach(function (l) { l.textContent = ''; });"
                            + "var t0 = performance.now(); icon.click();"
                            + "(function wait() { var items = document.querySelectorAll('.messaging-chat');"
                            + "  if (items.length >= 50) { var t = performance.now() - t0; icon.click(); done(t); }"
                            + "  else requestAnimationFrame(wait); })();");
                    Object fetched = js.executeAsyncScript(
                            "var done = arguments[arguments.length - 1]; var t0 = performance.now();"
                            + "fetch('/rest/messaging/1.0/unread', {credentials: 'same-origin'}).then(function (r) { return r.json(); })"
                            + ".then(function () { done(performance.now() - t0); });");
                    if (i >= 5) {
                        open.add(((Number) took).doubleValue());
                        unread.add(((Number) fetched).doubleValue());
                    }
                }
                System.out.printf("panel open to chat list shown, %d conversations: p50 %.0f ms, max %.0f ms | baseline "
                        + "(fetch /unread from the same page): p50 %.0f ms, max %.0f ms%n", conversations,
                        percentile(open, 50), Collections.max(open), percentile(unread, 50), Collections.max(unread));
            } finally {
                driver.quit();
            }
        }
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }
}
