package com.example.ats.messaging.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import org.junit.jupiter.api.Test;

class ApiExceptionMapperTest {

    @Test
    void apiExceptionsKeepTheirCodeAndStatus() {
        ApiException failure = new ApiException(422, "SMS_NOT_ALLOWED", "messaging.error.sms");

        assertThat(ApiExceptionMapper.classify(failure)).isSameAs(failure);
    }

    @Test
    void jerseyFailuresGetContractCodes() {
        assertThat(ApiExceptionMapper.classify(new NotFoundException()).code()).isEqualTo("NOT_FOUND");
        assertThat(ApiExceptionMapper.classify(new NotAllowedException("GET")).status()).isEqualTo(405);
        assertThat(ApiExceptionMapper.classify(new NotSupportedException()).code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void unreadableJsonIsABadRequest() {
        ApiException api = ApiExceptionMapper.classify(new JsonParseException(null, "Unexpected character"));

        assertThat(api.status()).isEqualTo(400);
        assertThat(api.code()).isEqualTo("INVALID_JSON");
    }

    @Test
    void anythingElseIsAnInternalErrorWithoutDetails() {
        ApiException api = ApiExceptionMapper.classify(new IllegalStateException("database password is hunter2"));

        assertThat(api.status()).isEqualTo(500);
        assertThat(api.code()).isEqualTo("INTERNAL_ERROR");
        assertThat(api.messageKey()).doesNotContain("hunter2");
    }
}
