package com.example.ats.refhost.testing;

import com.example.ats.refhost.sandbox.TwilioSandbox;
import com.example.ats.refhost.sandbox.TwilioSignature;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Calls the plugin's Twilio webhooks of a running host the way Twilio does: form-encoded, signed. */
public final class TwilioWebhook {
    public static final String API = "/rest/messaging/1.0";
    public static final String SMS = "/webhooks/twilio/sms";
    public static final String STATUS = "/webhooks/twilio/status";

    private TwilioWebhook() {
    }

    /** An inbound text to the sandbox sender, with the fields Twilio sends. */
    public static Map<String, String> inboundText(String sid, String from, String body) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", sid);
        params.put("SmsSid", sid);
        params.put("AccountSid", TwilioSandbox.ACCOUNT_SID);
        params.put("From", from);
        params.put("To", TwilioSandbox.SENDER);
        params.put("Body", body);
        params.put("NumMedia", "0");
        return params;
    }

    /** The URL Twilio signs: the host's public base URL and the webhook's path. */
    public static String url(RunningHost host, String path) {
        return host.baseUrl() + API + path;
    }

    /** The signature Twilio would send with the sandbox auth token. */
    public static String sign(RunningHost host, String path, Map<String, String> params) {
        return TwilioSignature.sign(TwilioSandbox.AUTH_TOKEN, url(host, path), params);
    }

    public static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Posts with the given signature (null: no signature header). */
    public static HttpResponse<String> post(RunningHost host, String path, Map<String, String> params, String signature)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(host.baseUrl().resolve(API + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params)));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return host.client().send(request.build());
    }

    /** Posts signed correctly. */
    public static HttpResponse<String> postSigned(RunningHost host, String path, Map<String, String> params)
            throws IOException, InterruptedException {
        return post(host, path, params, sign(host, path, params));
    }
}
