package io.github.camelai4call.component.http;

import javax.net.ssl.SSLContext;

/**
 * What makes two HTTP clients different. Endpoints with equal settings share one pooled client.
 *
 * @param connectTimeoutMillis connect timeout
 * @param requestTimeoutMillis socket read timeout of one attempt
 * @param maxConnections       pool size
 * @param sslContext           TLS context, or null for the JVM default
 */
public record HttpClientSettings(int connectTimeoutMillis, int requestTimeoutMillis, int maxConnections,
        SSLContext sslContext) {
}
