package io.github.camelai4call.examples.springboot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

import io.github.camelai4call.simulator.Ai4callSimulator;
import io.github.camelai4call.simulator.DemoData;
import io.github.camelai4call.simulator.OutboundCall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example as a user starts it, on its default profile: the embedded simulator, the routes configured from
 * application.properties.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class Ai4callSpringBootExampleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    Ai4callSimulator simulator;
    @Autowired
    TestRestTemplate http;

    @Test
    void callsEveryLeadOfTheCsvWithItsLeadIdAndListsTheAssistants() throws Exception {
        List<OutboundCall> calls = awaitCalls(3, Duration.ofSeconds(20));
        assertEquals(List.of("L-2001", "L-2002", "L-2003"),
                calls.stream().map(c -> String.valueOf(c.metadata().get("lead_id"))).sorted().toList(), calls.toString());
        assertTrue(calls.stream().allMatch(c -> DemoData.DEMO_ASSISTANT_SALES.equals(c.assistantApiKey())), calls.toString());
        assertEquals(1, simulator.requestCount("listAssistants"), "assistants listed once at start");
        assertEquals(1, simulator.requestCount("portalLogin"), "credentials checked at start (verify-credentials)");
    }

    @Test
    void actuatorShowsTheProducerChecksAndMasksThePortalKey() throws Exception {
        JsonNode health = JSON.readTree(http.getForObject("/actuator/health", String.class));
        assertEquals("UP", health.path("status").asText(), health.toPrettyString());
        JsonNode camel = health.path("components").path("camelHealth").path("details");
        List<String> producers = new ArrayList<>();
        camel.fieldNames().forEachRemaining(n -> {
            if (n.startsWith("producer:ai4call-") && !n.endsWith(".data")) {
                producers.add(n + "=" + camel.path(n).asText());
            }
        });
        assertEquals(2, producers.size(), camel.toPrettyString());
        assertTrue(producers.stream().allMatch(p -> p.endsWith("=UP")), producers.toString());

        String env = http.getForObject("/actuator/env/camel.component.ai4call.portal-api-key", String.class);
        assertFalse(env.contains(DemoData.DEMO_PORTAL_API_KEY), env);
        assertEquals("******", JSON.readTree(env).path("property").path("value").asText(), env);
    }

    /** The calls once there are that many and the assistants route has run. */
    private List<OutboundCall> awaitCalls(int expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while ((simulator.outboundCalls().size() < expected || simulator.requestCount("listAssistants") == 0)
               && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return simulator.outboundCalls();
    }
}
