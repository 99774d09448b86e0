package io.github.camelai4call.component.request;

import java.util.Map;

import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;

/**
 * A request ready to send: everything was resolved and validated.
 *
 * @param method   the HTTP method
 * @param host     where to connect
 * @param target   the request target: path and query (holds path keys: never log it)
 * @param headers  request headers (hold credentials: never log them)
 * @param entity   the body, or null
 * @param secrets  the secret values in this request, for masking error texts
 */
public record PreparedRequest(String method, HttpHost host, String target, Map<String, String> headers,
        HttpEntity entity, String[] secrets) {
}
