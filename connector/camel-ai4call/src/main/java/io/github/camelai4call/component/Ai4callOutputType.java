package io.github.camelai4call.component;

/** What the message body becomes after an operation. */
public enum Ai4callOutputType {
    /** The typed model class of the operation's response (e.g. {@code OutboundCallResponse}). */
    model,
    /** A {@code java.util.Map} of the JSON response. */
    map,
    /** A Jackson {@code JsonNode}. */
    jsonNode,
    /** The JSON text. */
    string
}
