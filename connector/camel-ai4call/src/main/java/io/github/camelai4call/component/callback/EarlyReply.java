package io.github.camelai4call.component.callback;

import org.apache.camel.Message;

/**
 * The HTTP response of a callback request, written before the platform-http route that received it returns: how a tool
 * call routed on the receiving thread is answered at its deadline while its route goes on. Only the Vert.x engine
 * (camel-platform-http-vertx, which Camel Main's platform-http runs on) offers it; elsewhere the consumer hands the
 * route to another thread and answers when it is done or at the deadline.
 */
public interface EarlyReply {

    /** Writes {@code reply} as the HTTP response now; false when the response was written already. */
    boolean send(CallbackReply reply);

    /** The early reply of the platform-http request {@code message}, or null when its engine has none. */
    static EarlyReply of(Message message) {
        // by name: the Vert.x classes are loaded only where the request came through them
        return message != null && VertxEarlyReply.MESSAGE_CLASS.equals(message.getClass().getName())
                ? VertxEarlyReply.of(message) : null;
    }
}
