package io.github.camelai4call.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The starter jar's spring-configuration-metadata.json (what IDEs complete camel.component.ai4call.* from) has every
 * component option of the descriptor, with its description and default.
 */
class ConfigurationMetadataTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyComponentOptionHasItsPropertyWithDescriptionAndDefault() throws IOException {
        Map<String, JsonNode> metadata = new HashMap<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertNotNull(in, "the starter has no META-INF/spring-configuration-metadata.json");
            JSON.readTree(in).path("properties").forEach(p -> metadata.put(p.path("name").asText(), p));
        }
        JsonNode descriptor = JSON.readTree(Path.of(System.getProperty("ai4call.descriptor")).toFile());
        int options = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = descriptor.path("componentProperties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            String name = "camel.component.ai4call." + kebab(option.getKey());
            JsonNode property = metadata.get(name);
            assertNotNull(property, "no Spring property " + name + " for the component option " + option.getKey());
            assertFalse(property.path("description").asText().isBlank(), name + " has no description");
            JsonNode defaultValue = option.getValue().get("defaultValue");
            if (defaultValue != null) {
                assertEquals(defaultValue.asText(), property.path("defaultValue").asText(), name + " default");
            }
            options++;
        }
        assertTrue(options > 0, "the descriptor lists no component option");
        assertNotNull(metadata.get("camel.component.ai4call.enabled"), "camel.component.ai4call.enabled");
        assertNotNull(metadata.get("camel.component.ai4call.customizer.enabled"), "camel.component.ai4call.customizer.enabled");
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
