package com.example.ats.refhost.sandbox;

import com.example.ats.refhost.candidates.Candidate;
import com.example.ats.refhost.candidates.CandidateRepository;
import com.example.ats.refhost.users.Authenticator;
import com.example.ats.refhost.users.SessionStore;
import com.example.ats.refhost.web.HostServlet;
import com.example.ats.refhost.web.Pages;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * {@code /sandbox/candidates}: play a demo candidate (CONTRACT §5). Pick one, read what the ATS sent
 * them (their sandbox inbox and phone) and answer: an email goes through the sandbox SMTP server to
 * the Reply-To of the mail answered, with In-Reply-To/References like a mail client; a text goes to
 * the plugin's webhook exactly as Twilio would send it, signed with the sandbox auth token.
 * Only there while the dev sandbox runs; forms carry a double-submit CSRF token.
 */
public final class CandidatePlayServlet extends HostServlet {
    static final String CSRF_COOKIE = "ATS_SANDBOX_CSRF";
    private static final String WEBHOOK = "/rest/messaging/1.0/webhooks/twilio/sms";

    private final transient CandidateRepository candidates;
    private final transient MailSandbox mail;
    private final transient TwilioSandbox twilio;
    private final transient SessionStore sessions;
    private final URI baseUrl;
    private final String smtpHost;
    private final transient HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final transient SecureRandom random = new SecureRandom();

    public CandidatePlayServlet(Pages pages, Authenticator authenticator, CandidateRepository candidates,
                                MailSandbox mail, TwilioSandbox twilio, SessionStore sessions, URI baseUrl,
                                String smtpHost) {
        super(pages, authenticator);
        this.candidates = candidates;
        this.mail = mail;
        this.twilio = twilio;
        this.sessions = sessions;
        this.baseUrl = baseUrl;
        this.smtpHost = smtpHost;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Candidate> candidate = candidateOf(request);
        String token = sessions.token();
        Cookie cookie = new Cookie(CSRF_COOKIE, token);
        cookie.setHttpOnly(true);
        cookie.setPath("/sandbox/");
        cookie.setAttribute("SameSite", "Strict");
        response.addCookie(cookie);
        Map<String, Object> model = new HashMap<>();
        model.put("formToken", token);
        model.put("notice", Optional.ofNullable(request.getParameter("sent")).orElse(""));
        model.put("all", candidates.search("", true, 100));
        if (candidate.isPresent()) {
            Candidate c = candidate.get();
            model.put("candidate", c);
            model.put("mails", c.email() == null ? List.of() : mail.inbox(c.email()));
            model.put("texts", c.phoneE164() == null ? List.of() : twilio.list(c.phoneE164(), null));
        }
        pages.render(request, response, Pages.Page.of("sandbox-candidate", "Play the candidate", model));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        Optional<Candidate> candidate = candidateOf(request);
        if (candidate.isEmpty() || !tokenMatches(request)) {
            response.sendError(candidate.isEmpty() ? 404 : 403);
            return;
        }
        String body = Optional.ofNullable(request.getParameter("body")).orElse("").strip();
        if (body.isEmpty()) {
            redirect(response, candidate.get(), "empty");
            return;
        }
        String path = request.getPathInfo();
        try {
            if (path.endsWith("/email")) {
                replyByEmail(candidate.get(), request.getParameter("messageId"), body);
                redirect(response, candidate.get(), "email");
            } else if (path.endsWith("/sms")) {
                int status = replyBySms(candidate.get(), body);
                redirect(response, candidate.get(), status == 200 ? "sms" : "sms-refused-" + status);
            } else {
                response.sendError(404);
            }
        } catch (MessagingException e) {
            redirect(response, candidate.get(), "email-failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.sendError(503);
        }
    }

    /** An ordinary mail client's answer: to the Reply-To, quoting the mail, threaded by its Message-ID. */
    private void replyByEmail(Candidate candidate, String messageId, String body)
            throws MessagingException, UnsupportedEncodingException {
        MailSandbox.Mail answered = mail.inbox(candidate.email()).stream()
                .filter(m -> m.messageId() != null && m.messageId().equals(messageId))
                .findFirst().orElseThrow(() -> new MessagingException("No such mail to answer"));
        Properties properties = new Properties();
        properties.put("mail.smtp.host", smtpHost);
        properties.put("mail.smtp.port", Integer.toString(mail.smtpPort()));
        MimeMessage reply = new MimeMessage(Session.getInstance(properties));
        reply.setFrom(new InternetAddress(candidate.email(), candidate.name(), "UTF-8"));
        reply.setRecipients(Message.RecipientType.TO,
                answered.replyTo() != null ? answered.replyTo() : answered.from());
        String subject = answered.subject() == null ? "" : answered.subject();
        reply.setSubject(subject.regionMatches(true, 0, "Re:", 0, 3) ? subject : "Re: " + subject, "UTF-8");
        reply.setHeader("In-Reply-To", answered.messageId());
        reply.setHeader("References", answered.messageId());
        String quoted = answered.text() == null ? "" : answered.text().lines().map(l -> "> " + l)
                .collect(Collectors.joining("\n"));
        reply.setText(body + "\n\nOn " + answered.sent() + ", " + answered.from() + " wrote:\n" + quoted + "\n", "UTF-8");
        Transport.send(reply);
    }

    /** A text from the candidate's phone, delivered to the plugin the way Twilio delivers one. */
    private int replyBySms(Candidate candidate, String body) throws IOException, InterruptedException {
        byte[] sid = new byte[16];
        random.nextBytes(sid);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", "SM" + HexFormat.of().formatHex(sid));
        params.put("SmsSid", params.get("MessageSid"));
        params.put("AccountSid", TwilioSandbox.ACCOUNT_SID);
        params.put("From", candidate.phoneE164());
        params.put("To", TwilioSandbox.SENDER);
        params.put("Body", body);
        params.put("NumMedia", "0");
        params.put("NumSegments", "1");
        params.put("ApiVersion", "2010-04-01");
        String url = baseUrl + WEBHOOK;
        String form = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioSignature.sign(TwilioSandbox.AUTH_TOKEN, url, params))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        return answer.statusCode();
    }

    private Optional<Candidate> candidateOf(HttpServletRequest request) {
        String path = request.getPathInfo();
        String id = path == null || path.equals("/") ? request.getParameter("id") : path.substring(1).split("/")[0];
        if (id == null) {
            return Optional.empty();
        }
        try {
            return candidates.findById(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void redirect(HttpServletResponse response, Candidate candidate, String sent) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", "/sandbox/candidates/" + candidate.id() + "?sent=" + sent);
    }

    private static boolean tokenMatches(HttpServletRequest request) {
        String sent = request.getParameter("csrf");
        String cookie = null;
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (CSRF_COOKIE.equals(c.getName())) {
                    cookie = c.getValue();
                }
            }
        }
        return sent != null && cookie != null && !cookie.isEmpty() && MessageDigest.isEqual(
                sent.getBytes(StandardCharsets.UTF_8), cookie.getBytes(StandardCharsets.UTF_8));
    }
}
