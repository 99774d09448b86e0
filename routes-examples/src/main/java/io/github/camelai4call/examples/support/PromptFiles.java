package io.github.camelai4call.examples.support;

import java.util.Map;

import org.apache.camel.Body;
import org.apache.camel.Header;

/**
 * Turns a prompt file of the GitOps example (flow 4) into the body of {@code ai4call:updateAssistantPrompt}:
 * {@code prompt.md} sets the prompt, {@code first-message.txt} the first message.
 */
public final class PromptFiles {

    private PromptFiles() {
    }

    public static Map<String, String> update(@Header("CamelFileNameOnly") String fileName, @Body String text) {
        String field = fileName.startsWith("first-message") ? "firstMessage" : "prompt";
        return Map.of(field, text.strip());
    }
}
