package io.github.camelai4call.kamelets;

import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import io.github.camelai4call.component.Ai4callEndpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A source Kamelet polls as often as {@code from("ai4call:<feed>")} does when nothing is set: the codegen writes
 * the Kamelets from the contract alone, without the component's descriptor, so this keeps the Kamelets' default,
 * the component's and the one its descriptor (and component-reference.md) shows equal.
 */
class SourceDefaultsTest {

    @Test
    void everySourcePollsAtTheComponentsDefaultDelay() throws Exception {
        long documented = KameletFiles.descriptor().path("properties").path("delay").path("defaultValue").asLong();
        assertEquals(Ai4callEndpoint.DEFAULT_POLL_DELAY, documented, "the descriptor's delay default");
        int sources = 0;
        for (Map.Entry<String, Path> f : KameletFiles.files().entrySet()) {
            JsonNode kamelet = KameletFiles.YAML.readTree(f.getValue().toFile());
            JsonNode delay = kamelet.path("spec").path("definition").path("properties").path("delay");
            if (!f.getKey().endsWith("-source.kamelet.yaml")) {
                continue;
            }
            sources++;
            assertEquals(Ai4callEndpoint.DEFAULT_POLL_DELAY, delay.path("default").asLong(), f.getKey());
        }
        assertTrue(sources > 0, "no source Kamelet found");
    }
}
