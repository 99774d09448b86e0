package io.github.camelai4call.quarkus.runtime;

import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

/**
 * The property names the extension reads, in precedence order, shared by the run-time customizer and the dev
 * service's "is anything configured?" check.
 */
public final class Ai4callConfigNames {

    public static final String QUARKUS_PREFIX = "quarkus.camel.ai4call.";
    public static final String SHORT_PREFIX = "ai4call.";
    public static final String CAMEL_PREFIX = "camel.component.ai4call.";

    public static final String BASE_URL = "base-url";
    public static final String EMAIL = "email";
    public static final String PORTAL_API_KEY = "portal-api-key";

    /** The settings that point the component at a service; the dev service starts only when none is set. */
    public static final List<String> CONNECTION_SETTINGS = List.of(BASE_URL, EMAIL, PORTAL_API_KEY);

    private Ai4callConfigNames() {
    }

    /** {@code quarkus.camel.ai4call.<name>}, else {@code ai4call.<name>} (env {@code AI4CALL_<NAME>}); blank = unset. */
    public static Optional<String> quarkusValue(Config config, String name) {
        return nonBlank(config, QUARKUS_PREFIX + name).or(() -> nonBlank(config, SHORT_PREFIX + name));
    }

    /** Camel's own binding {@code camel.component.ai4call.<name>} (kebab or camel case); blank = unset. */
    public static Optional<String> camelValue(Config config, String name) {
        return camelValue(config, "ai4call", name);
    }

    /** Camel's own binding for a component of that name: {@code camel.component.<component>.<name>}. */
    public static Optional<String> camelValue(Config config, String component, String name) {
        String prefix = "camel.component." + component + ".";
        return nonBlank(config, prefix + name).or(() -> nonBlank(config, prefix + camelCase(name)));
    }

    static String camelCase(String kebab) {
        StringBuilder sb = new StringBuilder(kebab.length());
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }

    /** Whether any of the three spellings of any connection setting is set. */
    public static boolean anyConnectionSettingConfigured(Config config) {
        return CONNECTION_SETTINGS.stream()
                .anyMatch(n -> quarkusValue(config, n).isPresent() || camelValue(config, n).isPresent());
    }

    private static Optional<String> nonBlank(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(v -> !v.isEmpty());
    }
}
