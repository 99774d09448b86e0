package io.github.camelai4call.component.http;

import java.util.Map;

/**
 * A complete HTTP answer: status, the response headers the component passes on, and the body bytes.
 *
 * @param status  HTTP status code
 * @param headers selected response headers (lower-case names)
 * @param body    the response body, empty when none
 */
public record HttpCallResult(int status, Map<String, String> headers, byte[] body) {

    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }

    public boolean successful() {
        return status >= 200 && status < 300;
    }
}
