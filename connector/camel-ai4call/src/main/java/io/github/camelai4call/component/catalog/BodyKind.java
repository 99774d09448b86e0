package io.github.camelai4call.component.catalog;

/** How an operation sends its request body. */
public enum BodyKind {
    /** No request body. */
    NONE,
    /** A JSON document. */
    JSON,
    /** A multipart/form-data upload. */
    MULTIPART
}
