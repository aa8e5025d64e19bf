package com.example.ats.refhost.testing.pages;

import java.util.List;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** A candidate's profile with its tabs ({@code candidate.profile.tabs} web-panels). */
public final class CandidateProfilePage {
    private final WebDriver driver;

    public CandidateProfilePage(WebDriver driver) {
        this.driver = driver;
    }

    public String candidateName() {
        return driver.findElement(By.cssSelector("[data-ats='candidate-name']")).getText();
    }

    public List<String> tabLabels() {
        return driver.findElements(By.cssSelector("[data-ats='profile-tabs'] [role='tab']")).stream()
                .map(WebElement::getText).toList();
    }

    public Optional<WebElement> tab(String attribute, String value) {
        return driver.findElements(By.cssSelector("[data-ats='profile-tabs'] [role='tab'][" + attribute + "='" + value + "']"))
                .stream().findFirst();
    }

    /** Opens a tab and returns its panel. */
    public WebElement open(WebElement tab) {
        tab.click();
        return driver.findElement(By.id(tab.getAttribute("aria-controls")));
    }
}
