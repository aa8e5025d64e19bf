package com.example.ats.refhost.bench;

import com.example.ats.refhost.sandbox.TwilioSandbox;
import com.example.ats.refhost.sandbox.TwilioSignature;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes N Twilio-signed inbound SMS webhook bodies (unique MessageSids, from ChannelsBench's seeded
 * numbers) for wrk (which cannot compute HMAC-SHA1 itself): one "body TAB signature" per line.
 * args: baseUrl count senders outputFile
 */
public final class SignedWebhooks {
    private SignedWebhooks() {
    }

    public static void main(String[] args) throws IOException {
        String url = args[0] + "/rest/messaging/1.0/webhooks/twilio/sms";
        int count = Integer.parseInt(args[1]);
        int senders = Integer.parseInt(args[2]);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[3]), StandardCharsets.UTF_8))) {
            for (int i = 0; i < count; i++) {
                Map<String, String> params = new LinkedHashMap<>();
                String sid = String.format("SMwrk%08d%019d", i, System.nanoTime());
                params.put("MessageSid", sid);
                params.put("AccountSid", TwilioSandbox.ACCOUNT_SID);
                params.put("From", String.format("+1555010%04d", i % senders));
                params.put("To", TwilioSandbox.SENDER);
                params.put("Body", "wrk reply " + i);
                params.put("NumMedia", "0");
                String form = params.entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
                out.print(form + "\t" + TwilioSignature.sign(TwilioSandbox.AUTH_TOKEN, url, params) + "\n");
            }
        }
    }
}
