package com.example.ats.refhost.sandbox;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.util.List;
import java.util.Map;

/** The Twilio SDK's own HTTP client, with Twilio's API host swapped for a local peer. */
public final class LocalTwilioHttpClient extends NetworkHttpClient {
    private final String base;

    public LocalTwilioHttpClient(String base) {
        this.base = base;
    }

    @Override
    public Response makeRequest(Request request) {
        String url = request.getUrl().replaceFirst("^https://[^/]+", base);
        Request local = new Request(request.getMethod(), url);
        copy(request.getQueryParams(), local::addQueryParam);
        copy(request.getPostParams(), local::addPostParam);
        copy(request.getHeaderParams(), local::addHeaderParam);
        if (request.getAuthStrategy() != null) {
            local.setAuth(request.getAuthStrategy());
        } else {
            local.setAuth(request.getUsername(), request.getPassword());
        }
        return super.makeRequest(local);
    }

    private interface Adder {
        void add(String name, String value);
    }

    private static void copy(Map<String, List<String>> params, Adder adder) {
        params.forEach((name, values) -> values.forEach(value -> adder.add(name, value)));
    }
}
