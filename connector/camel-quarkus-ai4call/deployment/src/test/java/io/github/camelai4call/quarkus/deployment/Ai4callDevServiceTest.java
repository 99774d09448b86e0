package io.github.camelai4call.quarkus.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.camelai4call.component.Ai4callComponent;
import io.github.camelai4call.simulator.DemoData;
import io.quarkus.test.QuarkusUnitTest;

/** Nothing configured: the extension starts the simulator, points the component at it and logs where it runs. */
class Ai4callDevServiceTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(Routes.class))
            .setLogRecordPredicate(r -> r.getLoggerName().endsWith("SimulatorDevService"))
            .assertLogRecords(records -> assertTrue(records.stream().anyMatch(r -> "INFO".equals(r.getLevel().getName())
                    && r.getMessage().startsWith("AI4CALL simulator dev service started at")
                    && String.valueOf(r.getParameters()[0]).startsWith("http://127.0.0.1:")),
                    "the dev service logs where the simulator runs: " + records.stream()
                            .map(r -> r.getLevel() + " " + r.getMessage() + " " + java.util.Arrays.toString(r.getParameters())).toList()));

    @Inject
    CamelContext context;
    @Inject
    ProducerTemplate template;
    @ConfigProperty(name = "quarkus.camel.ai4call.base-url")
    String baseUrl;

    @Test
    void componentPointsAtTheSimulator() {
        Ai4callComponent component = context.getComponent("ai4call", Ai4callComponent.class);
        assertTrue(baseUrl.startsWith("http://127.0.0.1:"), baseUrl);
        assertEquals(baseUrl, component.getConfiguration().getBaseUrl());
        assertEquals(DemoData.DEMO_EMAIL, component.getConfiguration().getEmail());
        assertEquals(DemoData.DEMO_PORTAL_API_KEY, component.getConfiguration().getPortalApiKey());
    }

    @Test
    void callsGoToTheSimulator() {
        String assistants = template.requestBody("direct:assistants", null, String.class);
        assertTrue(assistants.contains(DemoData.DEMO_ASSISTANT_SALES), assistants);
    }

    public static class Routes extends RouteBuilder {
        @Override
        public void configure() {
            from("direct:assistants").to("ai4call:listAssistants?outputType=string");
        }
    }
}
