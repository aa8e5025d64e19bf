package com.example.ats.messaging.rest;

import java.util.List;

/**
 * A refusal the API reports in the contract's error shape. The message is an i18n key rendered
 * in the caller's locale when the response is written.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final String messageKey;
    private final transient List<Object> args;
    private String reason;
    private transient java.util.Map<String, String> fields;

    public ApiException(int status, String code, String messageKey, Object... args) {
        super(code + " (" + status + ")");
        this.status = status;
        this.code = code;
        this.messageKey = messageKey;
        this.args = List.of(args);
    }

    /** Adds a machine-readable reason (e.g. NO_PHONE) to the error body. */
    public ApiException withReason(String newReason) {
        this.reason = newReason;
        return this;
    }

    public String reason() {
        return reason;
    }

    /** Adds what is wrong per input field to the error body. */
    public ApiException withFields(java.util.Map<String, String> problems) {
        this.fields = problems;
        return this;
    }

    public java.util.Map<String, String> fields() {
        return fields;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.toArray();
    }

    public static ApiException notAuthenticated() {
        return new ApiException(401, "NOT_AUTHENTICATED", "messaging.error.not.authenticated");
    }

    public static ApiException forbidden() {
        return new ApiException(403, "FORBIDDEN", "messaging.error.forbidden");
    }

    public static ApiException csrfTokenInvalid() {
        return new ApiException(403, "CSRF_TOKEN_INVALID", "messaging.error.csrf");
    }
}
