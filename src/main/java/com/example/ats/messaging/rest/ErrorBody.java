package com.example.ats.messaging.rest;

/** The contract's error shape: {@code {"error":{"code":"UPPER_SNAKE","message":"..."}}}. */
public record ErrorBody(Detail error) {

    public record Detail(String code, String message) {
    }

    public static ErrorBody of(String code, String message) {
        return new ErrorBody(new Detail(code, message));
    }
}
