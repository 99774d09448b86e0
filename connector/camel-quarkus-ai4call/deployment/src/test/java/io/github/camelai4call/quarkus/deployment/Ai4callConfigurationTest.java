package io.github.camelai4call.quarkus.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.camelai4call.component.Ai4callComponent;
import io.github.camelai4call.component.Ai4callConfiguration;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Quarkus configuration reaches the component; {@code ai4call.*} (the spelling of {@code AI4CALL_*} environment
 * variables) is the fallback; Camel's {@code camel.component.ai4call.*} wins; a configured service means no dev service.
 */
class Ai4callConfigurationTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.camel.ai4call.base-url", "http://127.0.0.1:9")
            .overrideConfigKey("quarkus.camel.ai4call.email", "quarkus@example.com")
            .overrideConfigKey("camel.component.ai4call.email", "camel@example.com")
            .overrideConfigKey("ai4call.portal-api-key", "portal_from_env_style_123")
            .overrideConfigKey("camel.component.ai4call.max-retries", "1");

    @Inject
    CamelContext context;

    @Test
    void quarkusConfigThenCamelProperties() {
        Ai4callConfiguration config = context.getComponent("ai4call", Ai4callComponent.class).getConfiguration();
        assertEquals("http://127.0.0.1:9", config.getBaseUrl(), "no dev service when a base URL is configured");
        assertEquals("camel@example.com", config.getEmail(), "camel.component.ai4call.* wins");
        assertEquals("portal_from_env_style_123", config.getPortalApiKey(), "ai4call.* (AI4CALL_*) fallback");
        assertEquals(1, config.getMaxRetries(), "other options through camel.component.ai4call.*");
    }
}
