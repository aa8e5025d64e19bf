package com.example.ats.messaging.web;

import com.example.ats.messaging.spi.HostPermissions;
import com.example.ats.messaging.spi.HostUser;
import com.example.ats.messaging.spi.web.Condition;
import com.example.ats.messaging.spi.web.WebContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Shows a candidate's Communications tab to ATS users who may see that candidate. */
@Component(service = Condition.class)
public final class CandidateVisibleCondition implements Condition {
    private final HostPermissions permissions;

    @Activate
    public CandidateVisibleCondition(@Reference HostPermissions permissions) {
        this.permissions = permissions;
    }

    @Override
    public boolean shouldDisplay(WebContext context) {
        HostUser user = context.user().filter(HostUser::isAtsUser).orElse(null);
        return user != null && context.candidateId()
                .map(candidateId -> permissions.canView(user, candidateId))
                .orElse(false);
    }
}
