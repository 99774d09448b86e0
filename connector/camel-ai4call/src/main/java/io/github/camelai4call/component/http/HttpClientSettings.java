package io.github.camelai4call.component.http;

import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * What makes two HTTP clients different. Endpoints with equal settings share one pooled client.
 *
 * @param connectTimeoutMillis connect timeout
 * @param requestTimeoutMillis socket read timeout of one attempt
 * @param maxConnections       pool size
 * @param sslContextParameters TLS configuration, or null for the JVM default (compared by identity)
 */
public record HttpClientSettings(int connectTimeoutMillis, int requestTimeoutMillis, int maxConnections,
        SSLContextParameters sslContextParameters) {
}
