package io.github.camelai4call.springboot;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Ai4callSecretsSanitizingFunctionTest {

    private final Ai4callSecretsSanitizingFunction function = new Ai4callSecretsSanitizingFunction();

    @Test
    void secretOptionsComeFromTheComponentDescriptor() {
        assertEquals(Set.of("assistantApiKey", "portalApiKey"), Ai4callSecretsSanitizingFunction.secretOptionsOfDescriptor());
    }

    @Test
    void masksTheKeysInEveryRelaxedSpelling() {
        assertTrue(function.isSecret("camel.component.ai4call.portal-api-key"));
        assertTrue(function.isSecret("camel.component.ai4call.portalApiKey"));
        assertTrue(function.isSecret("CAMEL_COMPONENT_AI4CALL_PORTALAPIKEY"));
        assertTrue(function.isSecret("CAMEL_COMPONENT_AI4CALL_PORTAL_API_KEY"));
        assertTrue(function.isSecret("camel.component.ai4call.configuration.portalApiKey"));
        assertTrue(function.isSecret("camel.component.ai4call.assistant-api-key"));
    }

    @Test
    void leavesTheOtherPropertiesAlone() {
        assertFalse(function.isSecret("camel.component.ai4call.email"));
        assertFalse(function.isSecret("camel.component.ai4call.base-url"));
        assertFalse(function.isSecret("camel.component.http.portal-api-key"));
        assertFalse(function.isSecret(null));
    }
}
