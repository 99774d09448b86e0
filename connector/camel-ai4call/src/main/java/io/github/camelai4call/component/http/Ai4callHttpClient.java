package io.github.camelai4call.component.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.impl.bootstrap.HttpRequester;
import org.apache.hc.core5.http.impl.bootstrap.RequesterBootstrap;
import org.apache.hc.core5.http.io.SocketConfig;
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

import io.github.camelai4call.component.request.PreparedRequest;
import io.github.camelai4call.component.support.OnDemandTicker;

/**
 * One pooled HTTP/1.1 client, shared by every endpoint with the same {@link HttpClientSettings}.
 * <p>
 * Built on Apache HttpCore 5's classic {@link HttpRequester} (the transport under HttpClient 5, which Camel's
 * camel-http ships): it pools and reuses connections like HttpClient 5 but writes nothing to any log, so request
 * lines (which hold assistant keys) and headers (which hold the portal key) cannot leak through DEBUG logging.
 * Retries, redirects and authentication are the component's own business and are not done here.
 */
public final class Ai4callHttpClient implements AutoCloseable {

    /** Answer headers the component uses or puts on the message, in lower case. */
    private static final List<String> KEPT_HEADERS = List.of("retry-after", "x-request-id", "content-type",
            "x-ratelimit-remaining", "x-ratelimit-limit", "location");
    private static final TimeValue STALE_AFTER = TimeValue.ofSeconds(2);
    /** How often idle connections are looked for. */
    private static final long IDLE_CHECK_NANOS = 1_000_000_000L;
    /** The JDK's message when the first bytes the server sent are not TLS (a plain http server answering). */
    private static final String NOT_TLS = "Unsupported or unrecognized SSL message";
    private static final String PLAIN_HTTP_HINT = "; the server may speak plain http: check the scheme of baseUrl";

    /** The JDK's message for a socket read timeout. */
    private static final String HANDSHAKE_READ_TIMEOUT = "Read timed out";
    private final HttpRequester requester;
    private final Timeout connectTimeout;
    private final AnswerDeadlines deadlines;
    /** The housekeeping (overdue answers, idle connections), while any connection is open. */
    private final OnDemandTicker housekeeping;
    /** When idle connections were last looked for; read and written by the housekeeping only. */
    private long idleCheckedAt = System.nanoTime();

    /**
     * @param settings   pool and timeouts
     * @param sslContext the TLS context built from the settings' parameters, or null for the JVM default
     * @param timer      where the housekeeping runs while connections are open: a client at rest wakes no thread
     */
    public Ai4callHttpClient(HttpClientSettings settings, SSLContext sslContext, ScheduledExecutorService timer) {
        this.connectTimeout = Timeout.ofMilliseconds(settings.connectTimeoutMillis());
        this.deadlines = new AnswerDeadlines(settings.requestTimeoutMillis(), this::connectionOpened);
        this.housekeeping = new OnDemandTicker(timer, AnswerDeadlines.CHECK_PERIOD_MILLIS, this::keepHouse,
                deadlines::anyOpen);
        RequesterBootstrap bootstrap = RequesterBootstrap.bootstrap()
                // HttpCore's default client processor also adds "Expect: 100-continue" to every request with a
                // body, which costs a round trip per POST/PATCH (AI4CALL bodies are small JSON or uploads), and
                // "Connection: keep-alive", which an HTTP/1.1 connection is by default
                .setHttpProcessor(HttpProcessorBuilder.create()
                        .addAll(RequestTargetHost.INSTANCE, RequestContent.INSTANCE, new RequestUserAgent("camel-ai4call"))
                        .build())
                // no socket read timeout: the request timeout is a deadline on each answer (DeadlineConnection)
                .setSocketConfig(SocketConfig.custom()
                        .setSoTimeout(Timeout.DISABLED)
                        .setTcpNoDelay(true)
                        .build())
                .setConnectionFactory(DeadlineConnection.factory(deadlines))
                .setMaxTotal(settings.maxConnections())
                .setDefaultMaxPerRoute(settings.maxConnections())
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                .setTimeToLive(Timeout.ofMinutes(5))
                // verify the server's host name against its certificate, as browsers do
                .setSslSetupHandler(params -> params.setEndpointIdentificationAlgorithm("HTTPS"));
        bootstrap.setSslSocketFactory(new LazyTlsSocketFactory(
                sslContext != null ? () -> sslContext : LazyTlsSocketFactory::jvmDefault, settings.connectTimeoutMillis()));
        this.requester = bootstrap.create();
    }

    /**
     * Sends one request and reads the whole answer; one attempt, whatever the answer.
     *
     * @throws IOException when no complete answer arrived
     */
    public HttpCallResult execute(PreparedRequest prepared) throws IOException {
        ClassicHttpRequest request = new BasicClassicHttpRequest(prepared.method(), prepared.host(), prepared.target());
        prepared.headers().forEach(request::addHeader);
        if (prepared.entity() != null) {
            request.setEntity(prepared.entity());
        }
        try (ClassicHttpResponse response = requester.execute(prepared.host(), request, connectTimeout,
                HttpCoreContext.create())) {
            Map<String, String> kept = new HashMap<>(4);
            for (Header h : response.getHeaders()) {
                String name = h.getName();
                for (String k : KEPT_HEADERS) {
                    if (k.equalsIgnoreCase(name)) {
                        kept.put(k, h.getValue());
                        break;
                    }
                }
            }
            HttpEntity body = response.getEntity();
            byte[] bytes = body == null ? new byte[0] : readFully(body);
            return new HttpCallResult(response.getCode(), kept, bytes);
        } catch (HttpException e) {
            throw new IOException("HTTP protocol error: " + e.getMessage(), e);
        } catch (ConnectException e) {
            throw named(new ConnectException("cannot connect to " + endpoint(prepared) + ": " + e.getMessage()), e);
        } catch (SSLException e) {
            if (!(e instanceof SSLHandshakeException) && !String.valueOf(e.getMessage()).contains(NOT_TLS)) {
                throw e;
            }
            throw named(new SSLHandshakeException("TLS handshake with " + endpoint(prepared) + " failed (" + e.getMessage()
                    + ")" + (String.valueOf(e.getMessage()).contains(NOT_TLS) ? PLAIN_HTTP_HINT : "")), e);
        } catch (SocketTimeoutException e) {
            if (!HANDSHAKE_READ_TIMEOUT.equals(e.getMessage()) || !"https".equalsIgnoreCase(prepared.host().getSchemeName())) {
                throw e;
            }
            // the only socket read timeout is the handshake's (LazyTlsSocketFactory): answers have deadlines instead
            throw new TlsHandshakeTimeoutException("TLS handshake with " + endpoint(prepared) + " got no answer within "
                    + "the connect timeout of " + connectTimeout.toMilliseconds() + " ms" + PLAIN_HTTP_HINT, e);
        }
    }

    private static String endpoint(PreparedRequest prepared) {
        int port = prepared.host().getPort();
        if (port < 0) {
            port = "https".equalsIgnoreCase(prepared.host().getSchemeName()) ? 443 : 80;
        }
        return prepared.host().getHostName() + ":" + port;
    }

    private static <T extends IOException> T named(T failure, IOException cause) {
        failure.initCause(cause);
        return failure;
    }

    private static byte[] readFully(HttpEntity entity) throws IOException {
        long declared = entity.getContentLength();
        try (InputStream in = entity.getContent()) {
            if (in == null) {
                return new byte[0];
            }
            if (declared < 0 || declared > Integer.MAX_VALUE - 8) {
                return in.readAllBytes();
            }
            // sized by Content-Length: the body goes from the connection's buffer into this array, one copy
            byte[] bytes = new byte[(int) declared];
            int read = in.readNBytes(bytes, 0, bytes.length);
            if (read < bytes.length) {
                throw new EOFException("the answer ended after " + read + " of " + declared + " bytes");
            }
            return bytes;
        }
    }

    private void connectionOpened() {
        housekeeping.wake();
    }

    /**
     * Every {@link AnswerDeadlines#CHECK_PERIOD_MILLIS} ms while a connection is open: ends the calls whose answer is
     * overdue (closing their connection) and, every second, closes connections idle for more than two seconds, before
     * the server closes them: a request (above all a non-idempotent one) then never goes out on a connection that is
     * already dead. Once the last connection is closed, it stops until one opens.
     */
    private void keepHouse() {
        deadlines.expireOverdue();
        long now = System.nanoTime();
        if (now - idleCheckedAt >= IDLE_CHECK_NANOS) {
            idleCheckedAt = now;
            requester.closeIdle(STALE_AFTER);
        }
    }

    @Override
    public void close() {
        housekeeping.close();
        requester.close(CloseMode.GRACEFUL);
    }
}
