package io.github.camelai4call.simulator;

import java.time.Duration;

/**
 * The callbacks of the contract the simulated platform sends, with how often and how soon it tries again after a
 * 5xx, a timeout or a connection failure (never after a 4xx: a 403 says the signature was refused). The operationIds
 * are the contract's; the answer deadline of each attempt is the contract's {@code x-ai4call-answer-deadline} where it
 * states one.
 */
enum CallbackKind {

    /** A webhook tool invoked during a live call: the assistant is waiting, so few attempts close together. */
    TOOL_CALL("toolCall", 3, Duration.ofMillis(100)),
    /** The call ended (hangup action redirect): at least once, with doubling waits. */
    CALL_ENDED("callEnded", 4, Duration.ofMillis(250)),
    /** The conversation was saved (destination webhook): at least once, with doubling waits. */
    CONVERSATION_SAVED("conversationSaved", 4, Duration.ofMillis(250));

    /** The answer deadline of an attempt of a callback whose contract states none. */
    static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(10);

    final String operationId;
    final int maxAttempts;
    final Duration firstBackoff;

    CallbackKind(String operationId, int maxAttempts, Duration firstBackoff) {
        this.operationId = operationId;
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
    }

    /** The wait before attempt {@code next} (2, 3, ...): the first backoff, doubled each time. */
    long backoffMillis(int next) {
        return firstBackoff.toMillis() << Math.max(0, next - 2);
    }
}
