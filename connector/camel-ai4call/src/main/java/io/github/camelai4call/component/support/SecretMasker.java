package io.github.camelai4call.component.support;

import java.util.regex.Pattern;

/**
 * Removes keys from text that may reach a log, an exception or a user: assistant keys (which travel in request
 * paths) by their shape, and any other secret value by identity.
 */
public final class SecretMasker {

    /** What a key is replaced with. */
    public static final String MASK = "xxxxxx";

    private static final Pattern ASSISTANT_KEY = Pattern.compile("ast_[A-Za-z0-9_-]+");

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
}
