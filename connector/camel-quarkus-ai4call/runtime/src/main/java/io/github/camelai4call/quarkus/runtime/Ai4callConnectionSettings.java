package io.github.camelai4call.quarkus.runtime;

import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.Config;

import io.github.camelai4call.component.Ai4callConfiguration;

/**
 * The settings that point the component at a service, each joining its {@link Ai4callRuntimeConfig} value to the
 * component option it sets. Camel's own {@code camel.component.<component>.<option>} (camel or kebab case) wins
 * over the Quarkus value; the dev service starts only when none of them is set either way.
 */
public final class Ai4callConnectionSettings {

    private record Setting(String option, Function<Ai4callRuntimeConfig, Optional<String>> value,
            BiConsumer<Ai4callConfiguration, String> setter) {
    }

    private static final List<Setting> SETTINGS = List.of(
            new Setting("baseUrl", Ai4callRuntimeConfig::baseUrl, Ai4callConfiguration::setBaseUrl),
            new Setting("email", Ai4callRuntimeConfig::email, Ai4callConfiguration::setEmail),
            new Setting("portalApiKey", Ai4callRuntimeConfig::portalApiKey, Ai4callConfiguration::setPortalApiKey));

    private Ai4callConnectionSettings() {
    }

    /** Sets each Quarkus value on the component's configuration, unless Camel's own property gives that option. */
    public static void apply(Ai4callRuntimeConfig quarkus, Config config, String component, Ai4callConfiguration target) {
        for (Setting s : SETTINGS) {
            if (!camelSets(config, component, s.option())) {
                nonBlank(s.value().apply(quarkus)).ifPresent(v -> s.setter().accept(target, v));
            }
        }
    }

    /** Whether any connection setting is configured, through Quarkus or through Camel's own properties. */
    public static boolean anyConfigured(Ai4callRuntimeConfig quarkus, Config config) {
        return SETTINGS.stream().anyMatch(s -> nonBlank(s.value().apply(quarkus)).isPresent()
                || camelSets(config, "ai4call", s.option()));
    }

    /**
     * {@code camel.component.<component>.<option>} in camel case or kebab case (also as an environment variable, which
     * SmallRye Config maps to either).
     */
    private static boolean camelSets(Config config, String component, String option) {
        String prefix = "camel.component." + component + ".";
        return Stream.of(option, kebabCase(option))
                .anyMatch(n -> nonBlank(config.getOptionalValue(prefix + n, String.class)).isPresent());
    }

    static String kebabCase(String camel) {
        StringBuilder sb = new StringBuilder(camel.length() + 4);
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                sb.append('-').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static Optional<String> nonBlank(Optional<String> value) {
        return value.map(String::trim).filter(v -> !v.isEmpty());
    }
}
