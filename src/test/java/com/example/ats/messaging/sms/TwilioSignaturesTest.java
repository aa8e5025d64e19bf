package com.example.ats.messaging.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Signature checks against the configured public URL with the Twilio SDK's validator. The test
 * signs as Twilio documents it: HMAC-SHA1 over the URL followed by the sorted parameters.
 */
class TwilioSignaturesTest {
    private static final String TOKEN = "12345";
    private static final String PATH = "/rest/messaging/1.0/webhooks/twilio/sms";
    private static final Map<String, String> PARAMS = Map.of("MessageSid", "SM1", "From", "+14155550101",
            "To", "+15005550006", "Body", "Hi & bye");

    private final TwilioSignatures signatures = new TwilioSignatures(
            Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void aSignatureOverTheConfiguredPublicUrlIsValid() {
        URI base = URI.create("https://ats.example.com");
        assertThat(signatures.valid(TOKEN, base, PATH, null, PARAMS, sign("https://ats.example.com" + PATH, PARAMS)))
                .isTrue();
    }

    @Test
    void behindAProxyOnlyThePublicUrlCountsNotTheOneTheRequestArrivedOn() {
        URI base = URI.create("https://ats.example.com");
        String internal = sign("http://10.0.0.5:8080" + PATH, PARAMS);
        assertThat(signatures.valid(TOKEN, base, PATH, null, PARAMS, internal)).isFalse();
    }

    @Test
    void aNonDefaultPortIsPartOfTheUrlAndTwiliosWithAndWithoutPortFormsAreBothAccepted() {
        URI base = URI.create("https://ats.example.com:8443");
        assertThat(signatures.valid(TOKEN, base, PATH, null, PARAMS, sign("https://ats.example.com:8443" + PATH, PARAMS)))
                .isTrue();
        URI defaultPort = URI.create("https://ats.example.com");
        assertThat(signatures.valid(TOKEN, defaultPort, PATH, null, PARAMS,
                sign("https://ats.example.com:443" + PATH, PARAMS))).isTrue();
    }

    @Test
    void theQueryStringIsSignedToo() {
        URI base = URI.create("https://ats.example.com");
        String signed = sign("https://ats.example.com" + PATH + "?tenant=7", PARAMS);
        assertThat(signatures.valid(TOKEN, base, PATH, "tenant=7", PARAMS, signed)).isTrue();
        assertThat(signatures.valid(TOKEN, base, PATH, null, PARAMS, signed)).isFalse();
    }

    @Test
    void wrongTokenMissingSignatureChangedOrExtraParametersFailAndAreCounted() {
        URI base = URI.create("https://ats.example.com");
        String good = sign("https://ats.example.com" + PATH, PARAMS);
        Map<String, String> extra = new TreeMap<>(PARAMS);
        extra.put("FromCountry", "US");

        assertThat(signatures.valid("other", base, PATH, null, PARAMS, good)).isFalse();
        assertThat(signatures.valid(TOKEN, base, PATH, null, PARAMS, null)).isFalse();
        assertThat(signatures.valid(TOKEN, base, PATH, null, PARAMS, "")).isFalse();
        assertThat(signatures.valid(TOKEN, base, PATH, null, extra, good)).isFalse();
        assertThat(signatures.valid(null, base, PATH, null, PARAMS, good)).isFalse();
        assertThat(signatures.valid(TOKEN, base, PATH, null, extra, sign("https://ats.example.com" + PATH, extra)))
                .as("extra parameters signed by Twilio are fine").isTrue();
        assertThat(signatures.failuresLastHour()).isEqualTo(5);
    }

    private static String sign(String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
