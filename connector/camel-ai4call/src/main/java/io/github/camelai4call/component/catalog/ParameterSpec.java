package io.github.camelai4call.component.catalog;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A path, query or header parameter of an operation, as the contract declares it: its pattern, enumeration, format
 * and bounds are what {@link #problem(String)} checks a value against.
 */
public final class ParameterSpec {

    /** The contract's {@code date-time} format (RFC 3339): a four-digit year and an offset. */
    public static final String DATE_TIME = "date-time";

    private final String name;
    private final ParameterLocation location;
    private final boolean required;
    private final boolean secret;
    private final String regex;
    private final List<String> allowedValues;
    private final String format;
    private final Long minimum;
    private final Long maximum;
    /** Compiled on first use: a context with one endpoint per operation would otherwise compile every one at start. */
    private volatile Pattern pattern;

    /**
     * @param name          the contract name, also the endpoint option name
     * @param location      where it goes in the request
     * @param required      whether the operation fails without it
     * @param secret        whether the value is a key, never to be shown
     * @param pattern       the regular expression a value must match, or null
     * @param allowedValues the enumerated values, empty when free
     * @param format        the schema's format (date-time, int32...), or null
     * @param minimum       the smallest integer value allowed, or null
     * @param maximum       the largest integer value allowed, or null
     */
    public ParameterSpec(String name, ParameterLocation location, boolean required, boolean secret, String pattern,
            List<String> allowedValues, String format, Long minimum, Long maximum) {
        this.name = name;
        this.location = location;
        this.required = required;
        this.secret = secret;
        this.regex = pattern;
        this.allowedValues = allowedValues;
        this.format = format;
        this.minimum = minimum;
        this.maximum = maximum;
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

    /** The schema's format (date-time, int32...), or null. */
    public String format() {
        return format;
    }

    /** The smallest value allowed, or null. */
    public Long minimum() {
        return minimum;
    }

    /** The largest value allowed, or null. */
    public Long maximum() {
        return maximum;
    }

    private Pattern compiled() {
        Pattern p = pattern;
        if (p == null) {
            p = Pattern.compile(regex); // two threads may both compile it: equal results, no lock needed
            pattern = p;
        }
        return p;
    }

    /** Whether the value matches the contract's pattern, enumeration, format and bounds. */
    public boolean accepts(String value) {
        return problem(value) == null;
    }

    /**
     * What is wrong with the value by the contract (to follow "parameter 'name' "), or null when it is valid. Shows
     * the value, escaped, unless the parameter is a key.
     */
    public String problem(String value) {
        String shown = secret ? "" : " " + quote(value);
        if (!allowedValues.isEmpty() && !allowedValues.contains(value)) {
            return "has the value" + shown + " which is not one of " + allowedValues;
        }
        if (regex != null && !compiled().matcher(value).matches()) {
            return "has the value" + shown + " which does not match the pattern " + regex;
        }
        if (minimum != null || maximum != null) {
            long number;
            try {
                number = Long.parseLong(value);
            } catch (NumberFormatException e) {
                return "must be an integer" + range() + ", not" + shown;
            }
            if ((minimum != null && number < minimum) || (maximum != null && number > maximum)) {
                return "must be an integer" + range() + ", not" + shown;
            }
        }
        if (DATE_TIME.equals(format) && !isDateTime(value)) {
            return "must be an RFC 3339 date-time such as 2026-01-01T00:00:00Z, not" + shown;
        }
        return null;
    }

    private String range() {
        if (minimum != null && maximum != null) {
            return " from " + minimum + " to " + maximum;
        }
        return minimum != null ? " of at least " + minimum : " of at most " + maximum;
    }

    /** RFC 3339: date, time and offset, with a four-digit year (java.time also reads +10000 and beyond). */
    public static boolean isDateTime(String value) {
        if (value.length() < 20 || !Character.isDigit(value.charAt(0)) || value.charAt(4) != '-') {
            return false;
        }
        try {
            OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** The value in single quotes, with control characters (a trailing newline...) written as escapes. */
    private static String quote(String value) {
        StringBuilder b = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('\'').toString();
    }
}
