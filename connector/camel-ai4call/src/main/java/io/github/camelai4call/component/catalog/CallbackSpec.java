package io.github.camelai4call.component.catalog;

import java.time.Duration;

/**
 * What the callback consumers need to know of a request AI4CALL makes to a customer system (an OpenAPI callback of
 * the contract). The generated {@code Ai4callCallback} enum implements it, so the {@code callback} package does not
 * depend on the component's root package.
 */
public interface CallbackSpec {

    /** The callback's operationId: the {@code ai4call:<name>} consumer and the X-Ai4call-Event value. */
    String name();

    /** The operationId that configures the URL the platform calls (updateTools...). */
    String operation();

    /** The property of that operation's request body that holds the URL (webhookUrl...). */
    String urlField();

    /** The contract's runtime expression of the URL ({$request.body#/webhookUrl}). */
    String urlExpression();

    /** One line on what the platform sends. */
    String summary();

    /** The model class of what the platform posts. */
    Class<?> requestType();

    /** The model class of the answer the platform reads, or null when a 2xx is all it needs. */
    Class<?> answerType();

    /** How long the platform waits for the answer (x-ai4call-answer-deadline), or null. */
    Duration answerDeadline();

    /** Whether the payload is this project's reading of the public description (x-ai4call-reconstructed). */
    boolean reconstructed();

    /** The path a consumer listens on unless its {@code path} option says otherwise. */
    String defaultPath();

    /** Whether the platform speaks from the answer: the consumer answers with the route's result. */
    default boolean answered() {
        return answerType() != null;
    }

    /** The contract schema name of the answer, or null. */
    default String answerSchema() {
        return answerType() == null ? null : answerType().getSimpleName();
    }
}
