package io.github.camelai4call.component.catalog;

import java.util.List;

/**
 * What the request, transport and answer stages need to know of an operation. The generated
 * {@code Ai4callOperation} enum implements it, so those stages do not depend on the component's root package.
 */
public interface OperationSpec {

    /** The operationId. */
    String name();

    /** The HTTP method. */
    String method();

    /** The path template, with {@code {name}} placeholders for path parameters. */
    String path();

    /** Whether the operation needs the x-client-email / x-portal-api-key headers. */
    boolean authenticated();

    /** How the request body is sent. */
    BodyKind bodyKind();

    /** The contract schema name of the request body, or null. */
    String bodySchema();

    /** Whether a request body is required. */
    boolean bodyRequired();

    /** The top-level property names of the request body schema. */
    List<String> bodyProperties();

    /** The model class of the success response, or null. */
    Class<?> responseType();

    /** The path, query and header parameters, in contract order. */
    List<ParameterSpec> parameters();

    /** Whether sending the request twice cannot do anything twice. */
    boolean idempotent();

    /** Whether the answer is a page (items + page.nextCursor/hasMore). */
    boolean paged();
}
