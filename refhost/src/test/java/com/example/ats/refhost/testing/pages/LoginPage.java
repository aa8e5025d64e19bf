package com.example.ats.refhost.testing.pages;

import java.net.URI;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The host's login form. */
public final class LoginPage {
    private final WebDriver driver;
    private final URI baseUrl;

    public LoginPage(WebDriver driver, URI baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    /** Logs in (password = user name, as for the demo users) and returns the header of the landing page. */
    public HostHeader logInAs(String username) {
        return logInAs(username, username);
    }

    public HostHeader logInAs(String username, String password) {
        driver.get(baseUrl.resolve("/login").toString());
        driver.findElement(By.name("username")).sendKeys(username);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form[action='/login'] button[type='submit']")).click();
        // Wait for the landing page: a navigation started at once could cancel the login's POST.
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().endsWith("/login"));
        return new HostHeader(driver);
    }
}
