package com.example.ats.refhost.users;

import com.example.ats.messaging.spi.HostAuthentication;
import com.example.ats.messaging.spi.RequestIdentity;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is behind a request: the session cookie, or HTTP Basic credentials. Used by the host's
 * pages and, through the SPI, by plugins. The result is cached on the request.
 */
public final class Authenticator implements HostAuthentication {
    public static final String SESSION_COOKIE = "ATS_SESSION";
    private static final String REQUEST_ATTRIBUTE = Authenticator.class.getName();
    private static final Duration BASIC_CACHE_TTL = Duration.ofMinutes(5);
    private static final int BASIC_CACHE_MAX = 10_000;

    private final UserRepository users;
    private final RecentUsers recentUsers;
    private final SessionStore sessions;
    private final Passwords passwords;
    private final Clock clock;
    // PBKDF2 costs tens of milliseconds by design; API clients send Basic credentials on every
    // call, so a verified pair is remembered briefly (keyed by a digest, never the password).
    private final Map<String, VerifiedCredentials> verifiedBasic = new ConcurrentHashMap<>();

    public Authenticator(UserRepository users, RecentUsers recentUsers, SessionStore sessions, Passwords passwords,
                         Clock clock) {
        this.users = users;
        this.recentUsers = recentUsers;
        this.sessions = sessions;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** What the host knows about the caller of a request. */
    public record Identity(Optional<User> user, Optional<SessionStore.Session> session, boolean csrfTokenValid) {
        static final Identity ANONYMOUS = new Identity(Optional.empty(), Optional.empty(), false);
    }

    private record VerifiedCredentials(long userId, Instant until) {
    }

    public Identity identity(HttpServletRequest request) {
        Object cached = request.getAttribute(REQUEST_ATTRIBUTE);
        if (cached instanceof Identity identity) {
            return identity;
        }
        Identity identity = resolve(request);
        request.setAttribute(REQUEST_ATTRIBUTE, identity);
        return identity;
    }

    @Override
    public RequestIdentity identify(HttpServletRequest request) {
        Identity identity = identity(request);
        return new RequestIdentity(identity.user().map(User::toHostUser), identity.session().isPresent(),
                identity.csrfTokenValid());
    }

    /** Checks a user name and password; the user when they match. */
    public Optional<User> login(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        Optional<User> user = users.findByUsername(username);
        if (user.isEmpty()) {
            // Same work as for a real user, so timing does not tell which user names exist.
            passwords.matches(password, "pbkdf2$60000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
            return Optional.empty();
        }
        String hash = users.passwordHash(user.get().id()).orElse("");
        return passwords.matches(password, hash) ? user : Optional.empty();
    }

    private Identity resolve(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(authorization.substring(6).trim())
                    .map(user -> new Identity(Optional.of(user), Optional.empty(), false))
                    .orElse(Identity.ANONYMOUS);
        }
        Optional<SessionStore.Session> session = sessions.touch(sessionCookie(request));
        if (session.isEmpty()) {
            return Identity.ANONYMOUS;
        }
        Optional<User> user = recentUsers.byId(session.get().userId());
        if (user.isEmpty()) {
            return Identity.ANONYMOUS;
        }
        String sent = request.getHeader(RequestIdentity.CSRF_HEADER);
        boolean csrfValid = sent != null && MessageDigest.isEqual(
                sent.getBytes(StandardCharsets.UTF_8), session.get().csrfToken().getBytes(StandardCharsets.UTF_8));
        return new Identity(user, session, csrfValid);
    }

    private Optional<User> basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String key = digest(decoded);
        Instant now = clock.instant();
        VerifiedCredentials known = verifiedBasic.get(key);
        if (known != null && known.until().isAfter(now)) {
            return recentUsers.byId(known.userId());
        }
        Optional<User> user = login(decoded.substring(0, colon), decoded.substring(colon + 1));
        user.ifPresent(u -> {
            if (verifiedBasic.size() >= BASIC_CACHE_MAX) {
                verifiedBasic.clear();
            }
            verifiedBasic.put(key, new VerifiedCredentials(u.id(), now.plus(BASIC_CACHE_TTL)));
        });
        return user;
    }

    public static String sessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (SESSION_COOKIE.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static String digest(String credentials) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(credentials.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
