package io.github.camelai4call.component.catalog;

/** Where an operation parameter goes in the HTTP request. */
public enum ParameterLocation {
    PATH,
    QUERY,
    HEADER
}
