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
    private final String regex;
    private final List<String> allowedValues;
    /** Compiled on first use: a context with one endpoint per operation would otherwise compile every one at start. */
    private volatile Pattern pattern;

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
        this.regex = pattern;
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
        return regex;
    }

    public List<String> allowedValues() {
        return allowedValues;
    }

    private Pattern compiled() {
        Pattern p = pattern;
        if (p == null) {
            p = Pattern.compile(regex); // two threads may both compile it: equal results, no lock needed
            pattern = p;
        }
        return p;
    }

    /** Whether the value matches the contract's pattern and enumeration. */
    public boolean accepts(String value) {
        if (regex != null && !compiled().matcher(value).matches()) {
            return false;
        }
        return allowedValues.isEmpty() || allowedValues.contains(value);
    }
}
