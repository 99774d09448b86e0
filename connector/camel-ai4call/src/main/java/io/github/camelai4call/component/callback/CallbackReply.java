package io.github.camelai4call.component.callback;

import java.nio.charset.StandardCharsets;

/** What a callback request is answered with: a status, and a JSON or text body. */
public record CallbackReply(int status, String contentType, byte[] body) {

    private static final String JSON = "application/json";
    private static final String TEXT = "text/plain; charset=utf-8";

    /** 200 with a JSON answer (a tool call's ToolCallAnswer). */
    public static CallbackReply json(byte[] json) {
        return new CallbackReply(200, JSON, json);
    }

    /** 200 for an event that was routed, or had been before. */
    public static CallbackReply received() {
        return new CallbackReply(200, JSON, "{\"received\":true}".getBytes(StandardCharsets.UTF_8));
    }

    /** A refusal or failure with a short text that names no secret. */
    public static CallbackReply error(int status, String text) {
        return new CallbackReply(status, TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the platform should deliver again (the contract: 5XX means the receiver failed). */
    public boolean redeliver() {
        return status >= 500;
    }
}
