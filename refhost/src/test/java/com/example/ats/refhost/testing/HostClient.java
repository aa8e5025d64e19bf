package com.example.ats.refhost.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An HTTP client for the running host that behaves like a browser user (cookies, the login form
 * with its CSRF token) or an API client (HTTP Basic). Redirects are not followed, so tests see them.
 */
public final class HostClient {
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"ats-csrf-token\" content=\"([^\"]*)\">");
    private static final Pattern LOGIN_TOKEN = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");

    private final URI baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String basic;

    HostClient(URI baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Logs in through the form, as a browser would. */
    public HostClient login(String username) throws IOException, InterruptedException {
        HttpResponse<String> form = get("/login");
        Matcher token = LOGIN_TOKEN.matcher(form.body());
        if (!token.find()) {
            throw new IllegalStateException("No CSRF token in the login form: " + form.body());
        }
        HttpResponse<String> result = postForm("/login", Map.of("csrf", token.group(1), "username", username,
                "password", username));
        if (result.statusCode() != 303) {
            throw new IllegalStateException("Login of " + username + " failed: " + result.statusCode() + " " + result.body());
        }
        return this;
    }

    /** Uses HTTP Basic with password = user name, like the contract's demo users. */
    public HostClient basic(String username) {
        this.basic = "Basic " + Base64.getEncoder().encodeToString(
                (username + ":" + username).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    public HttpResponse<String> postJson(String path, String json, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(builder::header);
        return send(builder.build());
    }

    public HttpResponse<String> postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A multipart form post with text fields and one file, as a browser sends an upload form. */
    public HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileField, String fileName,
                                              byte[] content) throws IOException, InterruptedException {
        String boundary = "----hostclient" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** Reads the page again until it contains the text (up to the timeout); returns it, or fails. */
    public String awaitPage(String path, String expected, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String page = get(path).body();
        while (!page.contains(expected)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(path + " does not show '" + expected + "' within " + timeout + ":\n" + page);
            }
            Thread.sleep(100);
            page = get(path).body();
        }
        return page;
    }

    /** The CSRF token a page of the host carries for its scripts and forms. */
    public String csrfToken(String pagePath) throws IOException, InterruptedException {
        Matcher matcher = CSRF_META.matcher(get(pagePath).body());
        if (!matcher.find()) {
            throw new IllegalStateException("No CSRF meta tag on " + pagePath);
        }
        return matcher.group(1);
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(Duration.ofSeconds(20));
        if (basic != null) {
            builder.header("Authorization", basic);
        }
        return builder;
    }

    public URI baseUrl() {
        return baseUrl;
    }
}
