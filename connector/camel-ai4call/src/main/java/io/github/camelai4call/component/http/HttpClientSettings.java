package io.github.camelai4call.component.http;

import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * What makes two HTTP clients different. Endpoints with equal settings share one pooled client.
 * <p>
 * {@code equals} and {@code hashCode} are written out: a record's generated ones are linked through
 * {@code invokedynamic} on first use, which cost about 20 ms of a cold start, as much as the whole HTTP client.
 *
 * @param connectTimeoutMillis connect timeout
 * @param requestTimeoutMillis longest wait for the answer of one attempt (see DeadlineConnection)
 * @param maxConnections       pool size
 * @param sslContextParameters TLS configuration, or null for the JVM default (compared by identity)
 */
public record HttpClientSettings(int connectTimeoutMillis, int requestTimeoutMillis, int maxConnections,
        SSLContextParameters sslContextParameters) {

    @Override
    public boolean equals(Object other) {
        return other instanceof HttpClientSettings o && connectTimeoutMillis == o.connectTimeoutMillis
                && requestTimeoutMillis == o.requestTimeoutMillis && maxConnections == o.maxConnections
                && sslContextParameters == o.sslContextParameters;
    }

    @Override
    public int hashCode() {
        int h = connectTimeoutMillis;
        h = 31 * h + requestTimeoutMillis;
        h = 31 * h + maxConnections;
        return 31 * h + System.identityHashCode(sslContextParameters);
    }
}
