package io.github.camelai4call.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the ai4call keys in {@code /actuator/env} and {@code /actuator/configprops}, whatever
 * {@code management.endpoint.*.show-values} says: every property under {@code camel.component.ai4call} whose name
 * is an option the component descriptor flags {@code secret} (portalApiKey, assistantApiKey), in any of Spring's
 * relaxed spellings ({@code portal-api-key}, {@code portalApiKey}, {@code CAMEL_COMPONENT_AI4CALL_PORTALAPIKEY}).
 */
public class Ai4callSecretsSanitizingFunction implements SanitizingFunction {

    /** The Camel tooling descriptor the component jar ships (the one IDEs and the Camel catalog read). */
    static final String DESCRIPTOR = "META-INF/io/github/camelai4call/component/ai4call.json";
    private static final String PREFIX = "camelcomponentai4call";

    private final Set<String> secretOptions;

    public Ai4callSecretsSanitizingFunction() {
        this(secretOptionsOfDescriptor());
    }

    Ai4callSecretsSanitizingFunction(Set<String> secretOptions) {
        this.secretOptions = secretOptions.stream().map(Ai4callSecretsSanitizingFunction::canonical)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The secret options, in the descriptor's spelling. */
    public static Set<String> secretOptionsOfDescriptor() {
        try (InputStream in = Ai4callSecretsSanitizingFunction.class.getClassLoader().getResourceAsStream(DESCRIPTOR)) {
            if (in == null) {
                throw new IllegalStateException("The ai4call component descriptor " + DESCRIPTOR + " is not on the classpath");
            }
            JsonNode descriptor = new ObjectMapper().readTree(in);
            Set<String> names = new TreeSet<>();
            for (String section : new String[] { "componentProperties", "properties" }) {
                for (Iterator<Map.Entry<String, JsonNode>> it = descriptor.path(section).fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> option = it.next();
                    if (option.getValue().path("secret").asBoolean()) {
                        names.add(option.getKey());
                    }
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the ai4call component descriptor " + DESCRIPTOR, e);
        }
    }

    @Override
    public SanitizableData apply(SanitizableData data) {
        return isSecret(data.getKey()) ? data.withValue(SanitizableData.SANITIZED_VALUE) : data;
    }

    /** Whether the property of that name (in any relaxed spelling) holds an ai4call key. */
    public boolean isSecret(String propertyName) {
        if (propertyName == null) {
            return false;
        }
        String key = canonical(propertyName);
        if (!key.startsWith(PREFIX)) {
            return false;
        }
        return secretOptions.stream().anyMatch(key::endsWith);
    }

    /** Spring's relaxed binding in one form: letters and digits only, lower case. */
    private static String canonical(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }
}
