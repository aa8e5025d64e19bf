package com.example.ats.messaging.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.example.ats.messaging.spi.HostPermissions;
import com.example.ats.messaging.spi.HostRole;
import com.example.ats.messaging.spi.HostUser;
import com.example.ats.messaging.spi.web.WebContext;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class ConditionsTest {
    private static final HostUser BOB = user("3", HostRole.RECRUITER);
    private static final HostUser CAROL = user("4", HostRole.PORTAL);

    @Mock
    private HostPermissions permissions;

    @Test
    void headerIconIsForAtsUsersOnly() {
        AtsUserCondition condition = new AtsUserCondition();

        assertThat(condition.shouldDisplay(context(Optional.of(BOB), Map.of()))).isTrue();
        assertThat(condition.shouldDisplay(context(Optional.of(CAROL), Map.of()))).isFalse();
        assertThat(condition.shouldDisplay(context(Optional.empty(), Map.of()))).isFalse();
    }

    @Test
    void communicationsTabFollowsTheHostsVisibilityRule() {
        CandidateVisibleCondition condition = new CandidateVisibleCondition(permissions);
        when(permissions.canView(BOB, "6")).thenReturn(false);
        when(permissions.canView(BOB, "1")).thenReturn(true);

        assertThat(condition.shouldDisplay(context(Optional.of(BOB), Map.of(WebContext.CANDIDATE_ID, "6")))).isFalse();
        assertThat(condition.shouldDisplay(context(Optional.of(BOB), Map.of(WebContext.CANDIDATE_ID, "1")))).isTrue();
    }

    @Test
    void communicationsTabNeverShowsToCandidates() {
        CandidateVisibleCondition condition = new CandidateVisibleCondition(permissions);

        assertThat(condition.shouldDisplay(context(Optional.of(CAROL), Map.of(WebContext.CANDIDATE_ID, "7")))).isFalse();
        verifyNoInteractions(permissions);
    }

    private static WebContext context(Optional<HostUser> user, Map<String, String> attributes) {
        return new WebContext(user, Locale.ENGLISH, null, attributes);
    }

    private static HostUser user(String id, HostRole role) {
        return new HostUser(id, "u" + id, "User " + id, "u" + id + "@example.com", role, Locale.ENGLISH, ZoneId.of("UTC"));
    }
}
