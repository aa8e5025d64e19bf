package com.example.ats.messaging.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The contract's error shape: {@code {"error":{"code":"UPPER_SNAKE","message":"..."}}}, with an
 * optional {@code reason} where a rule refused something (e.g. {@code "reason":"NO_PHONE"}).
 */
public record ErrorBody(Detail error) {

    /** {@code fields}: per input field, what is wrong with it (settings forms show it beside the field). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(String code, String message, String reason, java.util.Map<String, String> fields) {
    }

    public static ErrorBody of(String code, String message) {
        return new ErrorBody(new Detail(code, message, null, null));
    }

    public static ErrorBody of(String code, String message, String reason) {
        return new ErrorBody(new Detail(code, message, reason, null));
    }

    public static ErrorBody of(String code, String message, String reason, java.util.Map<String, String> fields) {
        return new ErrorBody(new Detail(code, message, reason, fields));
    }
}
