package io.github.camelai4call.component.callback;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

import org.apache.camel.Message;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

/**
 * {@link EarlyReply} on Camel's Vert.x platform-http: the request's {@link HttpServerResponse}, ended from the thread
 * that keeps the deadline. Camel writes its own response only when the route returns, and skips a response that has
 * ended, so the two never both write.
 */
final class VertxEarlyReply implements EarlyReply {

    static final String MESSAGE_CLASS = "org.apache.camel.component.platform.http.vertx.HttpMessage";

    private final HttpServerResponse response;

    private VertxEarlyReply(HttpServerResponse response) {
        this.response = response;
    }

    static EarlyReply of(Message message) {
        HttpServerResponse response = ((HttpMessage) message).getResponse();
        return response == null ? null : new VertxEarlyReply(response);
    }

    @Override
    public boolean send(CallbackReply reply) {
        if (response.ended() || response.headWritten()) {
            return false;
        }
        response.setStatusCode(reply.status());
        response.putHeader("Content-Type", reply.contentType());
        response.end(Buffer.buffer(reply.body()));
        return true;
    }
}
