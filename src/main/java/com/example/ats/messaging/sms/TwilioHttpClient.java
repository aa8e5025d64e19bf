package com.example.ats.messaging.sms;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * The Twilio SDK's own HTTP client with explicit timeouts (the SDK's defaults wait far longer than
 * a send should) and a configurable API origin: {@code https://api.twilio.com} in production, the
 * dev sandbox's {@code /sandbox/twilio} on one machine. Only the origin changes; paths, auth and
 * parameters are exactly what the SDK built.
 */
final class TwilioHttpClient extends NetworkHttpClient {
    private static final String TWILIO_ORIGIN = "^https://[^/]+";

    private final String apiBase;

    TwilioHttpClient(URI apiBase, Duration timeout, int maxConnections) {
        super(builder(timeout, maxConnections));
        String base = apiBase.toString();
        this.apiBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static HttpClientBuilder builder(Duration timeout, int maxConnections) {
        Timeout limit = Timeout.of(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return HttpClientBuilder.create()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(maxConnections)
                        .setMaxConnPerRoute(maxConnections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(limit)
                                .setSocketTimeout(limit)
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(limit)
                        .setResponseTimeout(limit)
                        .build());
    }

    @Override
    public Response makeRequest(Request request) {
        if (apiBase.equals("https://api.twilio.com")) {
            return super.makeRequest(request);
        }
        Request rebased = new Request(request.getMethod(), request.getUrl().replaceFirst(TWILIO_ORIGIN, apiBase));
        copy(request.getQueryParams(), rebased::addQueryParam);
        copy(request.getPostParams(), rebased::addPostParam);
        copy(request.getHeaderParams(), rebased::addHeaderParam);
        if (request.getAuthStrategy() != null) {
            rebased.setAuth(request.getAuthStrategy());
        } else {
            rebased.setAuth(request.getUsername(), request.getPassword());
        }
        return super.makeRequest(rebased);
    }

    private interface Adder {
        void add(String name, String value);
    }

    private static void copy(Map<String, List<String>> params, Adder adder) {
        params.forEach((name, values) -> values.forEach(value -> adder.add(name, value)));
    }
}
