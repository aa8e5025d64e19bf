package com.example.ats.messaging.rest;

import com.example.ats.messaging.MessagingCore;
import com.example.ats.messaging.candidate.CandidateResource;
import com.example.ats.messaging.candidate.CandidateSearch;
import com.example.ats.messaging.conversation.ConversationService;
import com.example.ats.messaging.conversation.ConversationResource;
import com.example.ats.messaging.conversation.UnreadResource;
import com.example.ats.messaging.i18n.Messages;
import com.example.ats.messaging.osgi.BundleClassLoaderScope;
import com.example.ats.messaging.spi.HostAuthentication;
import com.example.ats.messaging.spi.HostEnvironment;
import com.example.ats.messaging.sms.TwilioWebhookResource;
import com.example.ats.messaging.inbound.UnroutedInbox;
import com.example.ats.messaging.stream.Heartbeats;
import com.example.ats.messaging.stream.StreamHub;
import com.example.ats.messaging.stream.StreamResource;
import org.glassfish.jersey.media.sse.SseFeature;
import org.glassfish.jersey.servlet.async.AsyncContextDelegateProviderImpl;
import org.glassfish.jersey.servlet.spi.AsyncContextDelegateProvider;
import com.example.ats.messaging.inbound.UnroutedResource;
import com.example.ats.messaging.outbox.FailedMessages;
import com.example.ats.messaging.outbox.FailedMessagesResource;
import com.example.ats.messaging.spi.HostPermissions;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The plugin's REST module ({@code <rest>} in the descriptor): the Jersey application, wrapped
 * so that Jersey always runs with the bundle's class loader. The host mounts it at
 * {@code /rest/messaging/1.0/*} and calls {@link #init} and {@link #destroy}.
 */
@Component(service = Servlet.class)
public final class MessagingRestServlet extends HttpServlet {
    private final transient ServletContainer jersey;

    @Activate
    public MessagingRestServlet(@Reference HostAuthentication authentication,
                                @Reference HostEnvironment environment,
                                @Reference MessagingCore core) {
        Messages messages = Messages.ofPlugin();
        ResourceConfig application = new ResourceConfig()
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .property(ServerProperties.BV_FEATURE_DISABLE, true)
                .property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true)
                .register(JacksonFeature.withoutExceptionMappers())
                .register(new JsonMapperProvider())
                .register(new CallerFilter(authentication, environment))
                .register(new ApiExceptionMapper(messages, environment))
                .register(new AbstractBinder() {
                    @Override
                    protected void configure() {
                        bind(core.conversations()).to(ConversationService.class);
                        bind(core.candidateSearch()).to(CandidateSearch.class);
                        bind(new TwilioWebhookResource.SmsWebhooks(core::settings, environment::baseUrl,
                                core.twilioSignatures(), core.inboundSms(), core.smsStatusCallbacks()))
                                .to(TwilioWebhookResource.SmsWebhooks.class);
                        bind(core.unrouted()).to(UnroutedInbox.class);
                        bind(core.failedMessages()).to(FailedMessages.class);
                        bind(core.streamHub()).to(StreamHub.class);
                        bind(core).to(MessagingCore.class);
                        bind(core.settingsService()).to(com.example.ats.messaging.settings.SettingsService.class);
                        // Servlet 3 async (for /stream): Jersey finds it through META-INF/services,
                        // which this application turns off, so it is named here.
                        bind(new AsyncContextDelegateProviderImpl()).to(AsyncContextDelegateProvider.class);
                        bind(core.heartbeats()).to(Heartbeats.class);
                        bind(core.permissions()).to(HostPermissions.class);
                    }
                })
                .register(UnreadResource.class)
                .register(ConversationResource.class)
                .register(CandidateResource.class)
                .register(TwilioWebhookResource.class)
                .register(UnroutedResource.class)
                .register(SseFeature.class)
                .register(StreamResource.class)
                .register(com.example.ats.messaging.web.TextsResource.class)
                .register(com.example.ats.messaging.settings.SettingsResource.class)
                .register(com.example.ats.messaging.health.HealthResource.class)
                .register(FailedMessagesResource.class);
        try (var scope = BundleClassLoaderScope.enter(MessagingRestServlet.class)) {
            this.jersey = new ServletContainer(application);
        }
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        try (var scope = BundleClassLoaderScope.enter(MessagingRestServlet.class)) {
            jersey.init(config);
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        try (var scope = BundleClassLoaderScope.enter(MessagingRestServlet.class)) {
            jersey.service(request, response);
        }
    }

    @Override
    public void destroy() {
        try (var scope = BundleClassLoaderScope.enter(MessagingRestServlet.class)) {
            jersey.destroy();
        }
    }
}
