package com.example.ats.messaging.rest;

import com.example.ats.messaging.db.DatabaseUnavailableException;
import com.example.ats.messaging.i18n.Messages;
import com.example.ats.messaging.spi.HostEnvironment;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Renders every failure in the contract's error shape, in the caller's locale. */
public final class ApiExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionMapper.class);

    private final Messages messages;
    private final HostEnvironment environment;

    @Context
    private HttpServletRequest request;

    public ApiExceptionMapper(Messages messages, HostEnvironment environment) {
        this.messages = messages;
        this.environment = environment;
    }

    @Override
    public Response toResponse(Throwable failure) {
        ApiException api = classify(failure);
        Locale locale = request == null ? Locale.ENGLISH : environment.locale(request);
        ErrorBody body = ErrorBody.of(api.code(), messages.text(locale, api.messageKey(), api.args()), api.reason(),
                api.fields());
        return Response.status(api.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    static ApiException classify(Throwable failure) {
        if (failure instanceof ApiException api) {
            return api;
        }
        if (failure instanceof DatabaseUnavailableException) {
            return new ApiException(503, "UNAVAILABLE", "messaging.error.unavailable");
        }
        if (failure instanceof JsonProcessingException) {
            return new ApiException(400, "INVALID_JSON", "messaging.error.invalid.json");
        }
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (web.getCause() instanceof JsonProcessingException) {
                return new ApiException(400, "INVALID_JSON", "messaging.error.invalid.json");
            }
            return switch (status) {
                case 400 -> new ApiException(400, "BAD_REQUEST", "messaging.error.bad.request");
                case 401 -> ApiException.notAuthenticated();
                case 403 -> ApiException.forbidden();
                case 404 -> new ApiException(404, "NOT_FOUND", "messaging.error.not.found");
                case 405 -> new ApiException(405, "METHOD_NOT_ALLOWED", "messaging.error.method.not.allowed");
                case 406 -> new ApiException(406, "NOT_ACCEPTABLE", "messaging.error.not.acceptable");
                case 415 -> new ApiException(415, "UNSUPPORTED_MEDIA_TYPE", "messaging.error.unsupported.media.type");
                default -> status >= 500 ? internal(failure)
                        : new ApiException(status, "REQUEST_FAILED", "messaging.error.bad.request");
            };
        }
        return internal(failure);
    }

    private static ApiException internal(Throwable failure) {
        LOG.error("Unexpected failure in the messaging REST API", failure);
        return new ApiException(500, "INTERNAL_ERROR", "messaging.error.internal");
    }
}
