package com.example.ats.refhost.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplatesTest {
    private final Templates templates = new Templates();

    @Test
    void referencesAreEscaped() {
        String html = templates.evaluate("test", new StringReader("<p title=\"$title\">$body</p>"),
                Map.of("title", "\" onmouseover=\"alert(1)", "body", "<script>alert(1)</script>"));

        assertThat(html).isEqualTo("<p title=\"&#34; onmouseover=&#34;alert(1)\">&lt;script&gt;alert(1)&lt;/script&gt;</p>");
    }

    @Test
    void onlyReferencesNamedHtmlAreInsertedAsThey() {
        String html = templates.evaluate("test", new StringReader("$contentHtml|${panel.bodyHtml()}|$!missing|$n"),
                Map.of("contentHtml", "<b>ok</b>", "panel", new Panel("<i>fine</i>"), "n", 5));

        assertThat(html).isEqualTo("<b>ok</b>|<i>fine</i>||5");
    }

    @Test
    void modelMapIsNotChangedByRendering() {
        Map<String, Object> model = Map.of("a", "1");

        templates.evaluate("test", new StringReader("#set($b = 2)$a$b"), model);

        assertThat(model).containsOnlyKeys("a");
    }

    @Test
    void trustIsDecidedByTheLastNameOfTheReference() {
        assertThat(Templates.HtmlEscaper.isTrusted("$tab.contentHtml()")).isTrue();
        assertThat(Templates.HtmlEscaper.isTrusted("$!{bodyHtml}")).isTrue();
        assertThat(Templates.HtmlEscaper.isTrusted("$bodyHtml.text")).isFalse();
        assertThat(Templates.HtmlEscaper.isTrusted("$html")).isFalse();
    }

    public record Panel(String bodyHtml) {
    }
}
