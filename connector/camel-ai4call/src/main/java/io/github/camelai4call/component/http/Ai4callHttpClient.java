package io.github.camelai4call.component.http;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.net.ssl.SSLContext;

import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.impl.bootstrap.HttpRequester;
import org.apache.hc.core5.http.impl.bootstrap.RequesterBootstrap;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.apache.hc.core5.http.protocol.HttpProcessorBuilder;
import org.apache.hc.core5.http.protocol.RequestContent;
import org.apache.hc.core5.http.protocol.RequestTargetHost;
import org.apache.hc.core5.http.protocol.RequestUserAgent;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * One pooled HTTP/1.1 client, shared by every endpoint with the same {@link HttpClientSettings}.
 * <p>
 * Built on Apache HttpCore 5's classic {@link HttpRequester} (the transport under HttpClient 5, which Camel's
 * camel-http ships): it pools and reuses connections like HttpClient 5 but writes nothing to any log, so request
 * lines (which hold assistant keys) and headers (which hold the portal key) cannot leak through DEBUG logging.
 * Retries, redirects and authentication are the component's own business and are not done here.
 */
public final class Ai4callHttpClient implements AutoCloseable {

    private static final Set<String> KEPT_HEADERS = Set.of("retry-after", "x-request-id", "content-type",
            "x-ratelimit-remaining", "x-ratelimit-limit", "location");
    private static final TimeValue STALE_AFTER = TimeValue.ofSeconds(2);

    private final HttpRequester requester;
    private final Timeout connectTimeout;

    /**
     * @param settings   pool and timeouts
     * @param sslContext the TLS context built from the settings' parameters, or null for the JVM default
     */
    public Ai4callHttpClient(HttpClientSettings settings, SSLContext sslContext) {
        this.connectTimeout = Timeout.ofMilliseconds(settings.connectTimeoutMillis());
        RequesterBootstrap bootstrap = RequesterBootstrap.bootstrap()
                // HttpCore's default client processor also adds "Expect: 100-continue" to every request with a
                // body, which costs a round trip per POST/PATCH (AI4CALL bodies are small JSON or uploads), and
                // "Connection: keep-alive", which an HTTP/1.1 connection is by default
                .setHttpProcessor(HttpProcessorBuilder.create()
                        .addAll(RequestTargetHost.INSTANCE, RequestContent.INSTANCE, new RequestUserAgent("camel-ai4call"))
                        .build())
                .setSocketConfig(SocketConfig.custom()
                        .setSoTimeout(Timeout.ofMilliseconds(settings.requestTimeoutMillis()))
                        .setTcpNoDelay(true)
                        .build())
                .setMaxTotal(settings.maxConnections())
                .setDefaultMaxPerRoute(settings.maxConnections())
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                .setTimeToLive(Timeout.ofMinutes(5))
                // verify the server's host name against its certificate, as browsers do
                .setSslSetupHandler(params -> params.setEndpointIdentificationAlgorithm("HTTPS"));
        bootstrap.setSslSocketFactory(new LazyTlsSocketFactory(
                sslContext != null ? () -> sslContext : LazyTlsSocketFactory::jvmDefault));
        this.requester = bootstrap.create();
    }

    /**
     * Sends one request and reads the whole answer.
     *
     * @param method        HTTP method
     * @param host          where to connect
     * @param target        path and query
     * @param headers       request headers
     * @param entity        request body, or null
     * @throws IOException  when no complete answer arrived
     */
    public HttpCallResult execute(String method, HttpHost host, String target, Map<String, String> headers,
            HttpEntity entity) throws IOException {
        ClassicHttpRequest request = new BasicClassicHttpRequest(method, host, target);
        headers.forEach(request::addHeader);
        if (entity != null) {
            request.setEntity(entity);
        }
        try (ClassicHttpResponse response = requester.execute(host, request, connectTimeout, HttpCoreContext.create())) {
            Map<String, String> kept = new HashMap<>(4);
            for (Header h : response.getHeaders()) {
                String name = h.getName().toLowerCase(Locale.ROOT);
                if (KEPT_HEADERS.contains(name)) {
                    kept.put(name, h.getValue());
                }
            }
            HttpEntity body = response.getEntity();
            byte[] bytes = body == null ? new byte[0] : readFully(body);
            return new HttpCallResult(response.getCode(), kept, bytes);
        } catch (HttpException e) {
            throw new IOException("HTTP protocol error: " + e.getMessage(), e);
        }
    }

    private static byte[] readFully(HttpEntity entity) throws IOException {
        // sized by Content-Length when the answer has one, so the body is read into one array without copies
        byte[] bytes = EntityUtils.toByteArray(entity);
        return bytes == null ? new byte[0] : bytes;
    }

    /**
     * Closes connections idle for more than two seconds, before the server closes them: a request (above all a
     * non-idempotent one) then never goes out on a connection that is already dead. Called every second by the
     * component.
     */
    public void closeIdle() {
        requester.closeIdle(STALE_AFTER);
    }

    @Override
    public void close() {
        requester.close(CloseMode.GRACEFUL);
    }
}
