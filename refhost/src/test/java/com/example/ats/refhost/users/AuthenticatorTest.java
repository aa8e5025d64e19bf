package com.example.ats.refhost.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.example.ats.messaging.spi.HostRole;
import com.example.ats.messaging.spi.RequestIdentity;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class AuthenticatorTest {
    private static final User ALICE = new User(2, "alice", "Alice", "alice@ats.example.com", HostRole.RECRUITER,
            true, Locale.ENGLISH, ZoneId.of("UTC"));

    @Mock
    private UserRepository users;

    private final Passwords passwords = new Passwords(new SecureRandom());
    private final SessionStore sessions = new SessionStore(new SecureRandom(), Clock.systemUTC());
    private Authenticator authenticator;

    @BeforeEach
    void setUp() {
        authenticator = new Authenticator(users, new RecentUsers(users, Clock.systemUTC()), sessions, passwords,
                Clock.systemUTC());
    }

    @Test
    void loginChecksThePassword() {
        when(users.findByUsername("alice")).thenReturn(Optional.of(ALICE));
        when(users.passwordHash(2)).thenReturn(Optional.of(passwords.hash("alice")));

        assertThat(authenticator.login("alice", "alice")).contains(ALICE);
        assertThat(authenticator.login("alice", "wrong")).isEmpty();
    }

    @Test
    void unknownUsersCannotLogIn() {
        when(users.findByUsername("mallory")).thenReturn(Optional.empty());

        assertThat(authenticator.login("mallory", "mallory")).isEmpty();
    }

    @Test
    void basicCredentialsIdentifyWithoutSessionAndAreVerifiedOnce() {
        when(users.findByUsername("alice")).thenReturn(Optional.of(ALICE));
        when(users.passwordHash(2)).thenReturn(Optional.of(passwords.hash("alice")));
        when(users.findById(2)).thenReturn(Optional.of(ALICE));

        RequestIdentity first = authenticator.identify(request(Map.of("Authorization", basic("alice:alice")), null));
        RequestIdentity second = authenticator.identify(request(Map.of("Authorization", basic("alice:alice")), null));

        assertThat(first.user()).contains(ALICE.toHostUser());
        assertThat(first.viaSession()).isFalse();
        assertThat(first.mayWrite()).isTrue();
        assertThat(second.user()).contains(ALICE.toHostUser());
        verify(users, times(1)).passwordHash(2);
    }

    @Test
    void wrongBasicCredentialsAreAnonymous() {
        when(users.findByUsername("alice")).thenReturn(Optional.of(ALICE));
        when(users.passwordHash(2)).thenReturn(Optional.of(passwords.hash("alice")));

        assertThat(authenticator.identify(request(Map.of("Authorization", basic("alice:bob")), null)).user()).isEmpty();
        assertThat(authenticator.identify(request(Map.of("Authorization", "Basic !!!"), null)).user()).isEmpty();
    }

    @Test
    void sessionCookieIdentifiesAndTheCsrfHeaderMustMatch() {
        when(users.findById(2)).thenReturn(Optional.of(ALICE));
        SessionStore.Session session = sessions.create(2);

        RequestIdentity withoutToken = authenticator.identify(request(Map.of(), session.id()));
        RequestIdentity wrongToken = authenticator.identify(
                request(Map.of(RequestIdentity.CSRF_HEADER, "guess"), session.id()));
        RequestIdentity rightToken = authenticator.identify(
                request(Map.of(RequestIdentity.CSRF_HEADER, session.csrfToken()), session.id()));

        assertThat(withoutToken.user()).contains(ALICE.toHostUser());
        assertThat(withoutToken.viaSession()).isTrue();
        assertThat(withoutToken.mayWrite()).isFalse();
        assertThat(wrongToken.mayWrite()).isFalse();
        assertThat(rightToken.mayWrite()).isTrue();
    }

    @Test
    void unknownSessionIsAnonymous() {
        assertThat(authenticator.identify(request(Map.of(), "forged")).user()).isEmpty();
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpServletRequest request(Map<String, String> headers, String sessionId) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        Map<String, Object> attributes = new HashMap<>();
        org.mockito.Mockito.lenient().when(request.getHeader(org.mockito.ArgumentMatchers.anyString()))
                .thenAnswer(call -> headers.get(call.<String>getArgument(0)));
        org.mockito.Mockito.lenient().when(request.getCookies()).thenReturn(sessionId == null ? null
                : new Cookie[] {new Cookie(Authenticator.SESSION_COOKIE, sessionId)});
        org.mockito.Mockito.lenient().when(request.getAttribute(org.mockito.ArgumentMatchers.anyString()))
                .thenAnswer(call -> attributes.get(call.<String>getArgument(0)));
        org.mockito.Mockito.lenient().doAnswer(call -> attributes.put(call.getArgument(0), call.getArgument(1)))
                .when(request).setAttribute(org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.any());
        return request;
    }
}
