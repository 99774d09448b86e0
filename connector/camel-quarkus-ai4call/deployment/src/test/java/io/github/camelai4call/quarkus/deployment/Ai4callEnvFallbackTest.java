package io.github.camelai4call.quarkus.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.camelai4call.component.Ai4callComponent;
import io.github.camelai4call.component.Ai4callConfiguration;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Only {@code ai4call.base-url} (the spelling of {@code AI4CALL_BASE_URL}) is set: it reaches the component and counts
 * as configured, so no dev service provides the demo credentials.
 */
class Ai4callEnvFallbackTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("ai4call.base-url", "http://127.0.0.1:9");

    @Inject
    CamelContext context;

    @Test
    void shortSpellingAloneConfiguresTheComponent() {
        Ai4callConfiguration config = context.getComponent("ai4call", Ai4callComponent.class).getConfiguration();
        assertEquals("http://127.0.0.1:9", config.getBaseUrl(), "ai4call.* (AI4CALL_*) fallback");
        assertNull(config.getEmail(), "no dev service, so no demo e-mail");
        assertNull(config.getPortalApiKey(), "no dev service, so no demo key");
    }
}
