package io.github.camelai4call.springboot;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.mock.env.MockEnvironment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Ai4callSecretsSanitizingFunctionTest {

    private final Ai4callSecretsSanitizingFunction function = new Ai4callSecretsSanitizingFunction();

    @Test
    void secretOptionsComeFromTheComponentDescriptor() {
        assertEquals(Set.of("assistantApiKey", "portalApiKey", "webhookSecret"), Ai4callSecretsSanitizingFunction.secretOptionsOfDescriptor());
    }

    @Test
    void masksTheKeysInEveryRelaxedSpelling() {
        assertTrue(function.isSecret("camel.component.ai4call.portal-api-key"));
        assertTrue(function.isSecret("camel.component.ai4call.portalApiKey"));
        assertTrue(function.isSecret("CAMEL_COMPONENT_AI4CALL_PORTALAPIKEY"));
        assertTrue(function.isSecret("CAMEL_COMPONENT_AI4CALL_PORTAL_API_KEY"));
        assertTrue(function.isSecret("camel.component.ai4call.configuration.portalApiKey"));
        assertTrue(function.isSecret("camel.component.ai4call.assistant-api-key"));
        assertTrue(function.isSecret("camel.component.ai4call.webhook-secret"));
        assertTrue(function.isSecret("CAMEL_COMPONENT_AI4CALL_WEBHOOKSECRET"));
    }

    @Test
    void masksTheEnvironmentVariablesAndPropertiesTheDocsUse() {
        assertTrue(function.isSecret("AI4CALL_PORTAL_API_KEY"));
        assertTrue(function.isSecret("AI4CALL_ASSISTANT_API_KEY"));
        assertTrue(function.isSecret("ai4call.portal-api-key"));
        assertTrue(function.isSecret("quarkus.camel.ai4call.portal-api-key"));
    }

    @Test
    void masksValuesThatHoldAKeyUnderAnyName() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("camel.component.ai4call.portal-api-key", "${PORTAL}").withProperty("PORTAL", "portal_k_1234");
        Ai4callSecretsSanitizingFunction withEnv = new Ai4callSecretsSanitizingFunction(env);
        assertEquals(SanitizableData.SANITIZED_VALUE,
                withEnv.apply(new SanitizableData(null, "example.assistant", "ast_demo_sales_01")).getValue());
        assertEquals(SanitizableData.SANITIZED_VALUE,
                withEnv.apply(new SanitizableData(null, "crm.token", "portal_k_1234")).getValue());
        assertEquals(SanitizableData.SANITIZED_VALUE,
                withEnv.apply(new SanitizableData(null, "sun.java.command", "app --key=ast_x1 --p=portal_k_1234")).getValue());
        assertEquals("demo@ai4call.local",
                withEnv.apply(new SanitizableData(null, "camel.component.ai4call.email", "demo@ai4call.local")).getValue());
        assertEquals("${AI4CALL_PORTAL_API_KEY:}",
                withEnv.apply(new SanitizableData(null, "example.portal", "${AI4CALL_PORTAL_API_KEY:}")).getValue());
        assertFalse(function.holdsKey("portal_k_1234"), "without the environment, no portal key to look for");
        assertFalse(function.holdsKey(42));
    }

    @Test
    void leavesTheOtherPropertiesAlone() {
        assertFalse(function.isSecret("camel.component.ai4call.email"));
        assertFalse(function.isSecret("camel.component.ai4call.base-url"));
        assertFalse(function.isSecret("camel.component.http.portal-api-key"));
        assertFalse(function.isSecret(null));
    }
}
