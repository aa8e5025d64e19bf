package com.example.ats.refhost.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.refhost.testing.Browsers;
import com.example.ats.refhost.testing.HostClient;
import com.example.ats.refhost.testing.pages.CandidateProfilePage;
import com.example.ats.refhost.testing.pages.LoginPage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The Communications tab lists what was exchanged with a candidate, as inert text. */
class CommunicationsTabBrowserTest extends BrowserTest {
    @Test
    void messagesFromAnyRecruiterShowAsTextEvenWhenTheyLookLikeMarkup() throws Exception {
        String dana = candidateId("Dana");
        send("alice", dana, "Interview", "Are you free on Tuesday?");
        send("bob", dana, "<b>Bold?</b>", "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>"
                + "\nSee https://jobs.example.com/role?id=7 and javascript:alert(1)");

        new LoginPage(driver, host.baseUrl()).logInAs("alice");
        driver.get(host.baseUrl() + "/candidates/" + dana);
        CandidateProfilePage profile = new CandidateProfilePage(driver);
        WebElement panel = profile.open(profile.tab("data-messaging", "communications-tab").orElseThrow());
        List<WebElement> bubbles = new WebDriverWait(driver, Duration.ofSeconds(5)).until(
                ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-messaging='bubble']"), 2));

        assertThat(bubbles.get(0).getText()).contains("Interview").contains("Are you free on Tuesday?")
                .contains("Alice Recruiter");
        assertThat(bubbles.get(0).getAttribute("data-direction")).isEqualTo("OUTBOUND");
        assertThat(bubbles.get(1).getText()).contains("<b>Bold?</b>").contains("<script>").contains("Bob Recruiter");
        assertThat(panel.findElements(By.tagName("img"))).isEmpty();
        List<WebElement> links = bubbles.get(1).findElements(By.tagName("a"));
        assertThat(links).hasSize(1);
        assertThat(links.get(0).getAttribute("href")).isEqualTo("https://jobs.example.com/role?id=7");
        assertThat(links.get(0).getAttribute("rel")).contains("noopener");
        assertThat(panel.findElements(By.tagName("script"))).isEmpty();
        assertThat(driver.getTitle()).doesNotContain("pwned");
        Browsers.screenshot(driver, "communications-tab-markup-inert");
    }

    private String candidateId(String firstName) throws Exception {
        String body = host.client().basic("alice").get("/rest/messaging/1.0/candidates?q=" + firstName).body();
        Matcher matcher = Pattern.compile("\"id\":\"([0-9]+)\"").matcher(body);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private void send(String user, String candidateId, String subject, String body) throws Exception {
        HostClient client = host.client().basic(user);
        String conversation = client.postJson("/rest/messaging/1.0/conversations",
                "{\"candidateId\":\"" + candidateId + "\"}", Map.of()).body();
        Matcher id = Pattern.compile("\"id\":\"([0-9]+)\"").matcher(conversation);
        assertThat(id.find()).isTrue();
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                Map.of("channel", "EMAIL", "subject", subject, "body", body));
        assertThat(client.postJson("/rest/messaging/1.0/conversations/" + id.group(1) + "/messages", json, Map.of())
                .statusCode()).isEqualTo(202);
    }
}
