package com.example.ats.messaging.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.example.ats.messaging.spi.HostAuthentication;
import com.example.ats.messaging.spi.HostEnvironment;
import com.example.ats.messaging.spi.HostRole;
import com.example.ats.messaging.spi.HostUser;
import com.example.ats.messaging.spi.RequestIdentity;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class CallerFilterTest {
    private static final HostUser ALICE = new HostUser("2", "alice", "Alice", "alice@ats.example.com",
            HostRole.RECRUITER, Locale.ENGLISH, ZoneId.of("UTC"));
    private static final HostUser CAROL = new HostUser("4", "carol", "Carol", "carol@example.com",
            HostRole.PORTAL, Locale.ENGLISH, ZoneId.of("UTC"));

    @Mock
    private HostAuthentication authentication;
    @Mock
    private HostEnvironment environment;
    @Mock
    private ContainerRequestContext request;
    @Mock
    private HttpServletRequest httpRequest;

    private CallerFilter filter;

    @BeforeEach
    void setUp() {
        filter = new CallerFilter(authentication, environment);
    }

    @Test
    void anonymousCallerIsNotAuthenticated() {
        when(authentication.identify(httpRequest)).thenReturn(RequestIdentity.anonymous());

        ApiException refused = assertThrows(ApiException.class, () -> filter.filter(request, httpRequest, false));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("NOT_AUTHENTICATED");
    }

    @Test
    void candidatePortalUserIsForbidden() {
        when(authentication.identify(httpRequest)).thenReturn(new RequestIdentity(Optional.of(CAROL), true, true));

        ApiException refused = assertThrows(ApiException.class, () -> filter.filter(request, httpRequest, false));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void atsUserReadsWithSessionAndNoToken() {
        when(authentication.identify(httpRequest)).thenReturn(new RequestIdentity(Optional.of(ALICE), true, false));
        when(request.getMethod()).thenReturn("GET");
        when(environment.locale(httpRequest)).thenReturn(Locale.GERMAN);

        filter.filter(request, httpRequest, false);

        ArgumentCaptor<Object> caller = ArgumentCaptor.forClass(Object.class);
        verify(request).setProperty(eq(Caller.PROPERTY), caller.capture());
        assertThat(caller.getValue()).isEqualTo(new Caller(ALICE, Locale.GERMAN));
    }

    @Test
    void sessionWriteWithoutCsrfTokenIsRefused() {
        when(authentication.identify(httpRequest)).thenReturn(new RequestIdentity(Optional.of(ALICE), true, false));
        when(request.getMethod()).thenReturn("POST");

        ApiException refused = assertThrows(ApiException.class, () -> filter.filter(request, httpRequest, false));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("CSRF_TOKEN_INVALID");
        verify(request, never()).setProperty(eq(Caller.PROPERTY), org.mockito.ArgumentMatchers.any());
    }

    @Test
    void sessionWriteWithCsrfTokenPasses() {
        when(authentication.identify(httpRequest)).thenReturn(new RequestIdentity(Optional.of(ALICE), true, true));
        when(request.getMethod()).thenReturn("POST");
        when(environment.locale(httpRequest)).thenReturn(Locale.ENGLISH);

        filter.filter(request, httpRequest, false);

        verify(request).setProperty(eq(Caller.PROPERTY), eq(new Caller(ALICE, Locale.ENGLISH)));
    }

    @Test
    void basicAuthenticatedWriteNeedsNoCsrfToken() {
        when(authentication.identify(httpRequest)).thenReturn(new RequestIdentity(Optional.of(ALICE), false, false));
        when(request.getMethod()).thenReturn("PUT");
        when(environment.locale(httpRequest)).thenReturn(Locale.ENGLISH);

        filter.filter(request, httpRequest, false);

        verify(request).setProperty(eq(Caller.PROPERTY), eq(new Caller(ALICE, Locale.ENGLISH)));
    }

    @Test
    void publicEndpointsAreNotAuthenticated() {
        filter.filter(request, httpRequest, true);

        verify(authentication, never()).identify(httpRequest);
    }
}
