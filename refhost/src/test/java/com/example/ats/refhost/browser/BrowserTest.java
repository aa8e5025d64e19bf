package com.example.ats.refhost.browser;

import com.example.ats.refhost.testing.Browsers;
import com.example.ats.refhost.testing.RunningHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;

/** A fresh host and a headless Chromium for each browser test. */
abstract class BrowserTest {
    protected RunningHost host;
    protected WebDriver driver;

    @BeforeEach
    void startBrowserAndHost() throws Exception {
        driver = Browsers.headlessChromium();
        host = RunningHost.start();
    }

    @AfterEach
    void stopBrowserAndHost() {
        if (driver != null) {
            driver.quit();
        }
        if (host != null) {
            host.close();
        }
    }
}
