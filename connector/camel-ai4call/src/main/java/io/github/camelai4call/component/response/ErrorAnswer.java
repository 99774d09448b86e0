package io.github.camelai4call.component.response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelai4call.component.http.HttpCallResult;
import io.github.camelai4call.component.support.JsonMapper;
import io.github.camelai4call.component.support.SecretMasker;

/**
 * What an error answer says: the contract's Error body ({@code code}, {@code message}, {@code field}) and the body
 * itself (its first 4 KiB), with every secret of the request masked.
 *
 * @param code    the API's machine-readable error code, or null
 * @param message the API's error message, or null
 * @param field   the request field the API complained about, or null
 * @param body    the response body, or "" when none
 */
public record ErrorAnswer(String code, String message, String field, String body) {

    private static final int MAX_ERROR_BODY = 4096;

    /** Reads the error answer; a body that is not the contract's Error JSON leaves code, message and field null. */
    public static ErrorAnswer of(HttpCallResult result, String... secrets) {
        byte[] bytes = result.body();
        String body = new String(bytes, 0, Math.min(bytes.length, MAX_ERROR_BODY), StandardCharsets.UTF_8);
        String code = null;
        String msg = null;
        String field = null;
        try {
            JsonNode error = JsonMapper.get().readTree(bytes);
            if (error != null && error.isObject()) {
                code = text(error, "code");
                msg = text(error, "message");
                field = text(error, "field");
            }
        } catch (IOException e) {
            // not JSON: the status and the raw body are all there is
        }
        return new ErrorAnswer(code, SecretMasker.mask(msg, secrets), field, SecretMasker.mask(body, secrets));
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }
}
