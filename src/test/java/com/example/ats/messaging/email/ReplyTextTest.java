package com.example.ats.messaging.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The visible part of real replies: the shared fixtures (from GitHub's email_reply_parser test
 * data, read from ../shared/fixtures), with what a recruiter should see stated here by reading each.
 */
class ReplyTextTest {
    private static final Path FIXTURES = Path.of(System.getProperty("project.basedir", "."))
            .resolve("../shared/fixtures/email-replies").normalize();

    private static String fixture(String name) throws IOException {
        return Files.readString(FIXTURES.resolve(name), StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "email_1_1.txt|Hi folks\\n\\nWhat is the best way to clear a Riak bucket of all key, values after\\nrunning a test?\\nI am currently using the Java HTTP API.",
            "email_1_3.txt|Oh thanks.\\n\\nHaving the function would be great.",
            "email_1_4.txt|Awesome! I haven't had another problem with it.",
            "email_1_6.txt|I get proper rendering as well.\\n\\nSent from a magnificent torch of pixels",
            "email_1_7.txt|:+1:",
            "email_1_8.txt|I will reply under this one\\n\\nand under this.",
            "email_2_1.txt|Outlook with a reply",
            "email_2_2.txt|Outlook with a reply directly above line",
            "email_2_3.txt|Outlook with a reply directly above line",
            "email_BlackBerry.txt|Here is another email",
            "email_iPhone.txt|Here is another email",
            "email_multi_word_sent_from_my_mobile_device.txt|Here is another email",
            "email_sent_from_my_not_signature.txt|Here is another email\\n\\nSent from my desk, is much easier then my mobile phone.",
            "email_sig_delimiter_in_middle_of_line.txt|Hi there!\\n\\nStuff happened.\\n\\nAnd here is a fix -- this is not a signature.\\n\\nkthxbai",
            "correct_sig.txt|this is an email with a correct -- signature.",
            "email_one_is_not_on.txt|Thank, this is really helpful.\\n\\nOne outstanding question I had:\\n\\nLocally (on development), when I run...",
    })
    void showsOnlyWhatTheCandidateWrote(String file, String expected) throws IOException {
        assertThat(ReplyText.visible(fixture(file))).isEqualTo(expected.replace("\\n", "\n"));
    }

    @Test
    void bottomPostedRepliesKeepTheGreetingAndTheAnswerBelowTheQuote() throws IOException {
        String visible = ReplyText.visible(fixture("email_1_2.txt"));
        assertThat(visible).startsWith("Hi,\n\nYou can list the keys for the bucket and call delete for each.");
        assertThat(visible).doesNotContain("Abhishek Kona wrote").doesNotContain("What is the best way");
    }

    @Test
    void bulletsAndIndentationSurviveAndTheSignatureBelowTheQuoteGoes() throws IOException {
        String visible = ReplyText.visible(fixture("email_bullets.txt"));
        assertThat(visible).isEqualTo("test 2 this should list second\n\nand have spaces\n\nand retain this formatting"
                + "\n\n   - how about bullets\n   - and another");
    }

    @Test
    void aLineStartingWithOnIsNotTakenForAQuoteHeader() throws IOException {
        String visible = ReplyText.visible(fixture("greedy_on.txt"));
        assertThat(visible).startsWith("On your remote host you can run:\n\n     telnet 127.0.0.1 52698")
                .endsWith("fails, the tunnel is not working.").doesNotContain("George Plymale");
    }

    @Test
    void hugeAndPathologicalInputsCostLinearTime() throws IOException {
        String longQuote = fixture("email_long_quote.txt");
        String pathological = fixture("pathological.txt");
        long started = System.nanoTime();
        String visibleLong = ReplyText.visible(longQuote);
        String visiblePathological = ReplyText.visible(pathological);
        // Not a speed test: a backtracking regex takes minutes here; this guards against that kind of mistake.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        // Its 750 KB line starts with "A", so it is the sender's own text, not a quote: it stays.
        assertThat(visibleLong).startsWith("Hi folks").endsWith("I am currently using the Java HTTP API.")
                .doesNotContain("Abhishek Kona").doesNotContain("mailing list");
        assertThat(visiblePathological).startsWith("I think you're onto something.").doesNotContain("organism.sequence");
    }
}
