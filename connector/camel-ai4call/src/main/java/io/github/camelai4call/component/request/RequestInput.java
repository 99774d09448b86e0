package io.github.camelai4call.component.request;

/**
 * What one call is made of, however the caller gathers it (a Camel message and endpoint options for a producer, the
 * consumer's own paging values, a probe's fixed body). The {@link RequestFactory} asks for values by contract name
 * and never reads message headers itself.
 */
public interface RequestInput {

    /** The portal email, or null. */
    String email();

    /** The portal API key, or null. */
    String portalApiKey();

    /** The value of the contract parameter of that name, or null when none is given. */
    Object parameter(String name);

    /** The request body as given, or null. */
    Object body();

    /** The body converted to that type (Camel's type converters for a message), or null when it cannot be. */
    <T> T bodyAs(Class<T> type);

    /** uploadRagDocument: the file name to send, or null. */
    String fileName();

    /** uploadRagDocument: the content type of the document, or null. */
    String contentType();

    /** uploadRagDocument: the description stored with the document, or null. */
    String documentDescription();

    /**
     * The metadata key under which a call that places a phone call carries the client reference, or null for none.
     */
    String clientReferenceKey();

    /**
     * The client reference of this call (asked only when the body's metadata lacks the key), or null for none.
     */
    String clientReference();

    /** How a user gives the parameter of that name, for error texts (e.g. "the email option or the ... header"). */
    String howToSet(String name);
}
