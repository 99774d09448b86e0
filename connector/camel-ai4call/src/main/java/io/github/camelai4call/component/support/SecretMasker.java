package io.github.camelai4call.component.support;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Removes keys from text that may reach a log, an exception or a user: assistant keys (which travel in request
 * paths) by their shape, and any other secret value by identity; in log text also the value written after a key's
 * name ({@code portalApiKey=...}, {@code "portalApiKey":"..."}, {@code x-portal-api-key: ...}).
 */
public final class SecretMasker {

    /** What a key is replaced with. */
    public static final String MASK = "xxxxxx";

    private static final Pattern ASSISTANT_KEY = Pattern.compile("ast_[A-Za-z0-9_-]+");

    /**
     * A key's name (any spelling: portalApiKey, CamelAi4callPortalApiKey, portal-api-key, x-portal-api-key,
     * assistantApiKey), then = or : with optional quotes and spaces (group 1), then the value (group 2).
     */
    private static final Pattern NAMED_KEY = Pattern.compile(
            "([\\w.-]*(?:portal|assistant)[-_]?api[-_]?key[\"']?\\s*[=:]\\s*[\"']?)([^\"'&,;\\s}\\])]+)",
            Pattern.CASE_INSENSITIVE);

    private SecretMasker() {
    }

    /** The text with assistant keys and the given secret values replaced by {@link #MASK}. */
    public static String mask(String text, String... secrets) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                masked = masked.replace(secret, MASK);
            }
        }
        return ASSISTANT_KEY.matcher(masked).replaceAll(MASK);
    }

    /**
     * Log text (a formatted exchange, a message body, a key=value line) with assistant keys and every value written
     * after a key's name replaced by {@link #MASK}.
     */
    public static String maskLogText(String text) {
        if (text == null) {
            return null;
        }
        return mask(NAMED_KEY.matcher(text).replaceAll("$1" + MASK));
    }

    /** The value of a model property for its toString(): {@link #MASK} for a key (a name containing "apikey"). */
    public static Object maskProperty(String name, Object value) {
        return value != null && name.toLowerCase(Locale.ROOT).contains("apikey") ? MASK : value;
    }
}
