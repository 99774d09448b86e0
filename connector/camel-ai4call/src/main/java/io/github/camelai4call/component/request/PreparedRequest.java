package io.github.camelai4call.component.request;

import java.net.URI;
import java.util.Map;

import org.apache.hc.core5.http.HttpEntity;

/**
 * A request ready to send: everything was resolved and validated.
 *
 * @param uri      the full URI (holds path keys: never log it)
 * @param headers  request headers (hold credentials: never log them)
 * @param entity   the body, or null
 * @param secrets  the secret values in this request, for masking error texts
 */
public record PreparedRequest(URI uri, Map<String, String> headers, HttpEntity entity, String[] secrets) {
}
