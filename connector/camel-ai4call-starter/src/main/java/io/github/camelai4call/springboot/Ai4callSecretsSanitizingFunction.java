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
import org.springframework.core.env.Environment;

import io.github.camelai4call.component.support.SecretMasker;

/**
 * Masks the ai4call keys in {@code /actuator/env} and {@code /actuator/configprops}, whatever
 * {@code management.endpoint.*.show-values} says:
 * <ul>
 * <li>every property whose name holds {@code ai4call} and ends with an option the component descriptor flags
 * {@code secret} (portalApiKey, assistantApiKey, webhookSecret), in any of Spring's relaxed spellings: the starter's
 * {@code camel.component.ai4call.portal-api-key} ({@code portalApiKey}, {@code CAMEL_COMPONENT_AI4CALL_PORTALAPIKEY}),
 * and the environment variables the docs use, {@code AI4CALL_PORTAL_API_KEY} and {@code AI4CALL_ASSISTANT_API_KEY};</li>
 * <li>every value that holds an assistant key ({@code ast_...}), whatever the property is called
 * ({@code example.assistant=ast_...});</li>
 * <li>every value equal to the component's portal key ({@code camel.component.ai4call.portal-api-key}), whatever the
 * property is called, when the function knows the environment.</li>
 * </ul>
 */
public class Ai4callSecretsSanitizingFunction implements SanitizingFunction {

    /** The Camel tooling descriptor the component jar ships (the one IDEs and the Camel catalog read). */
    static final String DESCRIPTOR = "META-INF/io/github/camelai4call/component/ai4call.json";
    private static final String SCOPE = "ai4call";
    /** The property whose value is the portal key, wherever else that value appears. */
    static final String PORTAL_KEY_PROPERTY = "camel.component.ai4call.portal-api-key";

    private final Set<String> secretOptions;
    private final Environment environment;

    public Ai4callSecretsSanitizingFunction() {
        this(null);
    }

    /** With the environment: values equal to the configured portal key are masked under any name too. */
    public Ai4callSecretsSanitizingFunction(Environment environment) {
        this(secretOptionsOfDescriptor(), environment);
    }

    Ai4callSecretsSanitizingFunction(Set<String> secretOptions, Environment environment) {
        this.secretOptions = secretOptions.stream().map(Ai4callSecretsSanitizingFunction::canonical)
                .collect(Collectors.toUnmodifiableSet());
        this.environment = environment;
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
        return isSecret(data.getKey()) || holdsKey(data.getValue()) ? data.withValue(SanitizableData.SANITIZED_VALUE) : data;
    }

    /** Whether the value is or holds a key: an assistant key by its shape, the configured portal key by identity. */
    public boolean holdsKey(Object value) {
        if (!(value instanceof CharSequence)) {
            return false;
        }
        String text = value.toString();
        if (!text.equals(SecretMasker.mask(text))) {
            return true;
        }
        String portalKey = portalKey();
        return portalKey != null && text.contains(portalKey);
    }

    /** The configured portal key (placeholders resolved), if there is one long enough to look for. */
    private String portalKey() {
        if (environment == null) {
            return null;
        }
        try {
            String key = environment.getProperty(PORTAL_KEY_PROPERTY);
            return key != null && key.length() >= 4 ? key : null;
        } catch (RuntimeException unresolvable) {
            return null;
        }
    }

    /** Whether the property of that name (in any relaxed spelling) holds an ai4call key. */
    public boolean isSecret(String propertyName) {
        if (propertyName == null) {
            return false;
        }
        String key = canonical(propertyName);
        return key.contains(SCOPE) && secretOptions.stream().anyMatch(key::endsWith);
    }

    /** Spring's relaxed binding in one form: letters and digits only, lower case. */
    private static String canonical(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }
}
