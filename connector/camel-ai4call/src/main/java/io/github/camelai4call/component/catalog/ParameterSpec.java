package io.github.camelai4call.component.catalog;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A path, query or header parameter of an operation, as the contract declares it.
 */
public final class ParameterSpec {

    private final String name;
    private final ParameterLocation location;
    private final boolean required;
    private final boolean secret;
    private final Pattern pattern;
    private final List<String> allowedValues;

    /**
     * @param name          the contract name, also the endpoint option name
     * @param location      where it goes in the request
     * @param required      whether the operation fails without it
     * @param secret        whether the value is a key, never to be shown
     * @param pattern       the regular expression a value must match, or null
     * @param allowedValues the enumerated values, empty when free
     */
    public ParameterSpec(String name, ParameterLocation location, boolean required, boolean secret, String pattern,
            List<String> allowedValues) {
        this.name = name;
        this.location = location;
        this.required = required;
        this.secret = secret;
        this.pattern = pattern == null ? null : Pattern.compile(pattern);
        this.allowedValues = allowedValues;
    }

    public String name() {
        return name;
    }

    public ParameterLocation location() {
        return location;
    }

    public boolean required() {
        return required;
    }

    /** Whether the value is a key: error messages never show it. */
    public boolean secret() {
        return secret;
    }

    /** The regular expression a value must match, or null. */
    public String pattern() {
        return pattern == null ? null : pattern.pattern();
    }

    public List<String> allowedValues() {
        return allowedValues;
    }

    /** Whether the value matches the contract's pattern and enumeration. */
    public boolean accepts(String value) {
        if (pattern != null && !pattern.matcher(value).matches()) {
            return false;
        }
        return allowedValues.isEmpty() || allowedValues.contains(value);
    }
}
