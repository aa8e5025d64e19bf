package com.example.ats.refhost.testing.pages;

import java.util.List;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The host's page header, where {@code header} web-items render. */
public final class HostHeader {
    private final WebDriver driver;

    public HostHeader(WebDriver driver) {
        this.driver = driver;
    }

    public boolean isShown() {
        return !driver.findElements(By.cssSelector("[data-ats='header']")).isEmpty();
    }

    /** A web-item of the header by its plugin hook, e.g. {@code data-messaging="header-icon"}. */
    public Optional<WebElement> item(String attribute, String value) {
        List<WebElement> found = driver.findElements(By.cssSelector("[data-ats='header-items'] [" + attribute + "='" + value + "']"));
        return found.stream().findFirst();
    }

    public CandidateProfilePage openCandidate(String baseUrl, long candidateId) {
        driver.get(baseUrl + "/candidates/" + candidateId);
        return new CandidateProfilePage(driver);
    }
}
