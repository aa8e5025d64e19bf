package com.example.ats.refhost.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /sandbox/twilio/*}: Twilio's Messages API as the Twilio Java SDK calls it (create, fetch,
 * list), with HTTP Basic AccountSid:AuthToken, Twilio's JSON shapes and its error codes.
 */
public final class TwilioApiServlet extends HttpServlet {
    private static final Pattern MESSAGES = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Messages\\.json");
    private static final Pattern MESSAGE = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Messages/(SM[0-9a-f]{32})\\.json");
    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    private final transient TwilioSandbox sandbox;
    private final transient ObjectMapper json = new ObjectMapper();

    public TwilioApiServlet(TwilioSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!authenticated(request)) {
            error(response, 401, 20003, "Authenticate");
            return;
        }
        String path = Optional.ofNullable(request.getPathInfo()).orElse("");
        Matcher list = MESSAGES.matcher(path);
        Matcher one = MESSAGE.matcher(path);
        String account = list.matches() ? list.group(1) : one.matches() ? one.group(1) : null;
        if (account == null || !account.equals(TwilioSandbox.ACCOUNT_SID)) {
            error(response, 404, 20404, "The requested resource " + path + " was not found");
            return;
        }
        if (list.matches() && request.getMethod().equals("POST")) {
            create(request, response);
        } else if (list.matches() && request.getMethod().equals("GET")) {
            write(response, 200, page(sandbox.list(request.getParameter("To"), request.getParameter("From")), path));
        } else if (one.matches() && request.getMethod().equals("GET")) {
            Optional<SandboxMessage> message = sandbox.get(one.group(2));
            if (message.isEmpty()) {
                error(response, 404, 20404, "The requested resource " + path + " was not found");
            } else {
                write(response, 200, resource(message.get()));
            }
        } else {
            error(response, 405, 20004, "Method not allowed");
        }
    }

    /** Like Twilio with test credentials: texts to this number are refused with error 21211. */
    public static final String INVALID_TO = "+15005550001";

    private void create(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        String to = request.getParameter("To");
        String from = request.getParameter("From");
        String body = request.getParameter("Body");
        if (to == null || to.isBlank()) {
            error(response, 400, 21604, "A 'To' phone number is required.");
        } else if ((from == null || from.isBlank()) && request.getParameter("MessagingServiceSid") == null) {
            error(response, 400, 21603, "A 'From' phone number is required.");
        } else if (body == null || body.isEmpty()) {
            error(response, 400, 21602, "Message body is required.");
        } else if (body.length() > 1600) {
            error(response, 400, 21617, "The concatenated message body exceeds the 1600 character limit.");
        } else if (INVALID_TO.equals(to.trim())) {
            // Twilio's magic test number for a destination it refuses.
            error(response, 400, 21211, "The 'To' number " + to.trim() + " is not a valid phone number.");
        } else {
            String sender = from == null || from.isBlank() ? TwilioSandbox.SENDER : from;
            write(response, 201, resource(sandbox.create(sender, to, body, request.getParameter("StatusCallback"))));
        }
    }

    private static boolean authenticated(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String expected = Base64.getEncoder().encodeToString(
                (TwilioSandbox.ACCOUNT_SID + ":" + TwilioSandbox.AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(header.substring(6).trim().getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> resource(SandboxMessage m) {
        Map<String, Object> r = new LinkedHashMap<>();
        String uri = "/2010-04-01/Accounts/" + m.accountSid() + "/Messages/" + m.sid() + ".json";
        r.put("account_sid", m.accountSid());
        r.put("api_version", "2010-04-01");
        r.put("body", m.body());
        r.put("date_created", RFC_2822.format(m.created()));
        r.put("date_sent", RFC_2822.format(m.created()));
        r.put("date_updated", RFC_2822.format(m.updated()));
        r.put("direction", "outbound-api");
        r.put("error_code", null);
        r.put("error_message", null);
        r.put("from", m.from());
        r.put("messaging_service_sid", null);
        r.put("num_media", "0");
        r.put("num_segments", Integer.toString(m.segments()));
        r.put("price", null);
        r.put("price_unit", "USD");
        r.put("sid", m.sid());
        r.put("status", m.status());
        r.put("subresource_uris", Map.of("media", uri.replace(".json", "/Media.json")));
        r.put("to", m.to());
        r.put("uri", uri);
        return r;
    }

    private static Map<String, Object> page(List<SandboxMessage> messages, String path) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("messages", messages.stream().map(TwilioApiServlet::resource).toList());
        page.put("end", Math.max(0, messages.size() - 1));
        page.put("first_page_uri", path + "?PageSize=" + Math.max(50, messages.size()) + "&Page=0");
        page.put("next_page_uri", null);
        page.put("page", 0);
        page.put("page_size", Math.max(50, messages.size()));
        page.put("previous_page_uri", null);
        page.put("start", 0);
        page.put("uri", path);
        return page;
    }

    private void error(HttpServletResponse response, int status, int code, String message) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        body.put("status", status);
        write(response, status, body);
    }

    private void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=utf-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
