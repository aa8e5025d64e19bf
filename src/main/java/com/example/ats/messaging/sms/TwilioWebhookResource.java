package com.example.ats.messaging.sms;

import com.example.ats.messaging.rest.ApiException;
import com.example.ats.messaging.rest.PublicEndpoint;
import com.example.ats.messaging.settings.ChannelSettings;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Twilio's webhooks (CONTRACT §4): inbound texts and status callbacks, form-encoded as Twilio sends
 * them. Each is checked against the configured auth token and public base URL first; a missing or
 * wrong signature gets 403 and nothing is stored. The answer (empty TwiML) is sent only after the
 * message is committed, so Twilio retries anything we did not keep.
 */
@Singleton
@PublicEndpoint
@Path("/webhooks/twilio")
public final class TwilioWebhookResource {
    static final String MOUNT = "/rest/messaging/1.0";
    private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private final Supplier<ChannelSettings> settings;
    private final Supplier<URI> hostBaseUrl;
    private final TwilioSignatures signatures;
    private final InboundSms inbound;
    private final SmsStatusCallbacks statuses;

    @Inject
    public TwilioWebhookResource(SmsWebhooks webhooks) {
        this.settings = webhooks.settings();
        this.hostBaseUrl = webhooks.hostBaseUrl();
        this.signatures = webhooks.signatures();
        this.inbound = webhooks.inbound();
        this.statuses = webhooks.statuses();
    }

    /** What the webhooks need, bound as one object. */
    public record SmsWebhooks(Supplier<ChannelSettings> settings, Supplier<URI> hostBaseUrl,
                              TwilioSignatures signatures, InboundSms inbound, SmsStatusCallbacks statuses) {
    }

    @POST
    @Path("/sms")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_XML)
    public String sms(@Context UriInfo uri, @HeaderParam("X-Twilio-Signature") String signature,
                      MultivaluedMap<String, String> form) {
        Map<String, String> params = verified(uri, "/webhooks/twilio/sms", signature, form);
        String sid = params.getOrDefault("MessageSid", params.get("SmsSid"));
        if (sid == null || sid.isBlank() || params.get("From") == null) {
            throw new ApiException(400, "INVALID_WEBHOOK", "messaging.error.webhook.invalid");
        }
        inbound.receive(new InboundSms.Text(sid, params.get("From"), params.get("To"), params.get("Body")));
        return EMPTY_TWIML;
    }

    @POST
    @Path("/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_XML)
    public String status(@Context UriInfo uri, @HeaderParam("X-Twilio-Signature") String signature,
                         MultivaluedMap<String, String> form) {
        Map<String, String> params = verified(uri, "/webhooks/twilio/status", signature, form);
        statuses.update(params.get("MessageSid"), params.get("MessageStatus"), params.get("ErrorCode"));
        return EMPTY_TWIML;
    }

    private Map<String, String> verified(UriInfo uri, String path, String signature,
                                         MultivaluedMap<String, String> form) {
        Map<String, String> params = new HashMap<>();
        form.forEach((name, values) -> params.put(name, values.isEmpty() ? "" : values.get(0)));
        ChannelSettings current = settings.get();
        URI base = current.publicBaseUrl() != null ? current.publicBaseUrl() : hostBaseUrl.get();
        if (!signatures.valid(current.twilio().authToken(), base, MOUNT + path, uri.getRequestUri().getRawQuery(),
                params, signature)) {
            throw new ApiException(403, "INVALID_SIGNATURE", "messaging.error.webhook.signature");
        }
        return params;
    }
}
