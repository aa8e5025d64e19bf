package com.example.ats.messaging.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.ext.ContextResolver;

/** The one Jackson configuration of the REST API: ISO-8601 timestamps. */
public final class JsonMapperProvider implements ContextResolver<ObjectMapper> {
    private final ObjectMapper mapper = createMapper();

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }

    public static ObjectMapper createMapper() {
        // A shared pool instead of Jackson's default per-thread recycler: thread-locals on the
        // host's Jetty threads would pin this bundle's class loader after an update.
        JsonFactory factory = JsonFactory.builder()
                .recyclerPool(JsonRecyclerPools.newConcurrentDequePool())
                .build();
        return JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // Unknown fields are ignored so clients of a newer API version keep working.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
