package io.github.camelai4call.component.callback;

/** A consumer of one callback at one path, as a {@link CallbackDispatcher} sees it. */
public interface CallbackHandler {

    /** The callback it consumes (the X-Ai4call-Event it answers). */
    String event();

    /** toolCall: the tool it answers, or null for every tool that no other consumer on the path answers. */
    String toolId();

    /** The endpoint URI, to name it in errors (masked by Camel's rules). */
    String describe();

    /** Routes a checked delivery (not seen before) and returns the answer; never throws. */
    CallbackReply handle(CallbackDelivery delivery);
}
