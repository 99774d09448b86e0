package io.github.camelai4call.kamelets;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import io.github.camelai4call.component.Ai4callCallback;
import io.github.camelai4call.component.Ai4callEndpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A source Kamelet behaves as {@code from("ai4call:<feed or callback>")} does when nothing is set: the codegen writes
 * the Kamelets from the contract alone, without the component's descriptor, so this keeps the Kamelets' defaults,
 * the component's and the ones its descriptor (and component-reference.md) shows equal.
 */
class SourceDefaultsTest {

    @Test
    void everyFeedSourcePollsAtTheComponentsDefaultDelay() throws Exception {
        long documented = KameletFiles.descriptor().path("properties").path("delay").path("defaultValue").asLong();
        assertEquals(Ai4callEndpoint.DEFAULT_POLL_DELAY, documented, "the descriptor's delay default");
        int sources = 0;
        for (Map.Entry<String, Path> f : KameletFiles.files().entrySet()) {
            JsonNode kamelet = KameletFiles.read(f.getValue());
            if (!f.getKey().endsWith("-source.kamelet.yaml") || KameletFiles.callback(kamelet) != null) {
                continue;
            }
            sources++;
            JsonNode delay = kamelet.path("spec").path("definition").path("properties").path("delay");
            assertEquals(Ai4callEndpoint.DEFAULT_POLL_DELAY, delay.path("default").asLong(), f.getKey());
        }
        assertTrue(sources > 0, "no feed source Kamelet found");
    }

    @Test
    void everyCallbackSourceDefaultsAsItsConsumer() {
        JsonNode options = KameletFiles.descriptor().path("properties");
        int sources = 0;
        for (Map.Entry<String, Path> f : KameletFiles.files().entrySet()) {
            JsonNode kamelet = KameletFiles.read(f.getValue());
            Ai4callCallback callback = KameletFiles.callback(kamelet);
            if (callback == null) {
                continue;
            }
            sources++;
            JsonNode props = kamelet.path("spec").path("definition").path("properties");
            assertEquals(callback.defaultPath(), props.path("path").path("default").asText(), f.getKey() + " path");
            List<String> compared = callback.answered() ? List.of("signatureTolerance", "answerTimeout", "fallbackAnswer")
                    : List.of("signatureTolerance");
            for (String option : compared) {
                assertEquals(options.path(option).path("defaultValue").asText(), props.path(option).path("default").asText(),
                        f.getKey() + " " + option);
            }
            assertTrue(callback.answered() || !props.has("answerTimeout"), f.getKey() + ": an event has no answer to time");
        }
        assertEquals(Ai4callCallback.values().length, sources, "a source per callback");
    }
}
