package com.example.ats.messaging.web;

import com.example.ats.messaging.spi.HostUser;
import com.example.ats.messaging.spi.web.Condition;
import com.example.ats.messaging.spi.web.WebContext;
import org.osgi.service.component.annotations.Component;

/** Shows the plugin's UI to ATS users (recruiters, admins) only, never to candidates. */
@Component(service = Condition.class)
public final class AtsUserCondition implements Condition {

    @Override
    public boolean shouldDisplay(WebContext context) {
        return context.user().map(HostUser::isAtsUser).orElse(false);
    }
}
