package com.example.ats.messaging.web;

import com.example.ats.messaging.spi.HostPermissions;
import com.example.ats.messaging.spi.web.Condition;
import com.example.ats.messaging.spi.web.WebContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Shows the plugin's admin pages and links to those the host lets configure plugins only. */
@Component(service = Condition.class)
public final class AdministratorCondition implements Condition {
    private final HostPermissions permissions;

    @Activate
    public AdministratorCondition(@Reference HostPermissions permissions) {
        this.permissions = permissions;
    }

    @Override
    public boolean shouldDisplay(WebContext context) {
        return context.user().filter(user -> user.isAtsUser() && permissions.canAdministerPlugins(user)).isPresent();
    }
}
