package io.github.camelai4call.springboot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.camelai4call.component.Ai4callComponent;
import io.github.camelai4call.component.Ai4callConfiguration;
import io.github.camelai4call.component.Ai4callOutputType;
import io.github.camelai4call.simulator.Ai4callSimulatorExtension;
import io.github.camelai4call.simulator.DemoData;
import io.github.camelai4call.simulator.Fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Spring Boot application with the starter and Actuator, configured only from properties, against the simulator:
 * what a user of the starter checks.
 */
@SpringBootTest(classes = StarterTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {
                        "camel.component.ai4call.email=" + DemoData.DEMO_EMAIL,
                        "camel.component.ai4call.portal-api-key=" + DemoData.DEMO_PORTAL_API_KEY,
                        "camel.component.ai4call.output-type=json-node",
                        "camel.component.ai4call.max-retries=1",
                        "camel.component.ai4call.request-timeout=7000",
                        "camel.component.ai4call.verify-credentials=true",
                        "camel.health.producers-enabled=true",
                        "camel.health.exposure-level=full",
                        "management.endpoints.web.exposure.include=health,env,configprops",
                        "management.endpoint.health.show-details=always",
                        "management.endpoint.env.show-values=always",
                        "management.endpoint.configprops.show-values=always" })
class Ai4callStarterTest {

    @RegisterExtension
    static final Ai4callSimulatorExtension SIMULATOR = new Ai4callSimulatorExtension();

    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void simulator(DynamicPropertyRegistry registry) {
        registry.add("camel.component.ai4call.base-url", SIMULATOR::baseUrl);
    }

    @Autowired
    CamelContext camelContext;
    @Autowired
    ProducerTemplate template;
    @Autowired
    TestRestTemplate http;

    @Test
    void componentIsConfiguredFromTheProperties() {
        Ai4callConfiguration config = camelContext.getComponent("ai4call", Ai4callComponent.class).getConfiguration();
        assertEquals(SIMULATOR.baseUrl(), config.getBaseUrl());
        assertEquals(DemoData.DEMO_EMAIL, config.getEmail());
        assertEquals(DemoData.DEMO_PORTAL_API_KEY, config.getPortalApiKey());
        assertEquals(Ai4callOutputType.jsonNode, config.getOutputType());
        assertEquals(1, config.getMaxRetries());
        assertEquals(7000, config.getRequestTimeout());
        assertTrue(config.isVerifyCredentials());
        // an option the properties do not name keeps the component's default
        assertEquals(50, config.getMaxConnections());
    }

    @Test
    void routeCallsTheSimulatorWithTheConfiguredCredentials() {
        JsonNode page = template.requestBody("direct:assistants", null, JsonNode.class);
        List<String> names = page.path("items").findValuesAsText("name");
        assertTrue(names.contains(DemoData.DEMO_ASSISTANT_SALES_NAME), "assistants: " + names);
        assertTrue(names.contains(DemoData.DEMO_ASSISTANT_SUPPORT_NAME), "assistants: " + names);
    }

    @Test
    void producerHealthCheckIsInActuatorHealth() throws Exception {
        JsonNode health = JSON.readTree(http.getForObject("/actuator/health", String.class));
        JsonNode camel = health.path("components").path("camelHealth");
        assertEquals("UP", camel.path("status").asText(), health.toPrettyString());
        String check = producerCheck(camel.path("details"));
        assertEquals("UP", camel.path("details").path(check).asText(), camel.toPrettyString());
        assertEquals(SIMULATOR.baseUrl(), camel.path("details").path(check + ".data").path("baseUrl").asText(),
                camel.toPrettyString());
    }

    @Test
    void healthIsDownWhileTheServiceIsDown() throws Exception {
        SIMULATOR.simulator().faults().inject("health", Fault.status(503));
        try {
            ResponseEntity<String> answer = http.getForEntity("/actuator/health", String.class);
            assertEquals(503, answer.getStatusCode().value(), answer.getBody());
            JsonNode camel = JSON.readTree(answer.getBody()).path("components").path("camelHealth");
            assertEquals("DOWN", camel.path("status").asText(), camel.toPrettyString());
            assertEquals("DOWN", camel.path("details").path(producerCheck(camel.path("details"))).asText(),
                    camel.toPrettyString());
        } finally {
            SIMULATOR.simulator().faults().clear();
        }
        JsonNode again = JSON.readTree(http.getForObject("/actuator/health", String.class));
        assertEquals("UP", again.path("status").asText(), again.toPrettyString());
    }

    @Test
    void keysAreMaskedInActuatorEnvEvenWithShowValuesAlways() throws Exception {
        String body = http.getForObject("/actuator/env", String.class);
        assertFalse(body.contains(DemoData.DEMO_PORTAL_API_KEY), "/actuator/env shows the portal key");
        JsonNode env = JSON.readTree(body);
        assertEquals("******", propertyValue(env, "camel.component.ai4call.portal-api-key"));
        // the other options stay readable: show-values=always is in force
        assertEquals(DemoData.DEMO_EMAIL, propertyValue(env, "camel.component.ai4call.email"));

        JsonNode one = JSON.readTree(http.getForObject("/actuator/env/camel.component.ai4call.portal-api-key", String.class));
        assertEquals("******", one.path("property").path("value").asText(), one.toPrettyString());
    }

    @Test
    void keysAreMaskedInActuatorConfigpropsEvenWithShowValuesAlways() throws Exception {
        String body = http.getForObject("/actuator/configprops", String.class);
        assertFalse(body.contains(DemoData.DEMO_PORTAL_API_KEY), "/actuator/configprops shows the portal key");
        JsonNode bean = findBean(JSON.readTree(body), "camel.component.ai4call");
        assertEquals("******", bean.path("properties").path("portalApiKey").asText(), bean.toPrettyString());
        assertEquals(DemoData.DEMO_EMAIL, bean.path("properties").path("email").asText(), bean.toPrettyString());
        assertEquals("******", bean.path("inputs").path("portalApiKey").path("value").asText(), bean.toPrettyString());
    }

    /** The id of the one ai4call producer check among the Camel health details. */
    private static String producerCheck(JsonNode details) {
        List<String> checks = new ArrayList<>();
        details.fieldNames().forEachRemaining(n -> {
            if (n.startsWith("producer:ai4call-") && !n.endsWith(".data")) {
                checks.add(n);
            }
        });
        assertEquals(1, checks.size(), "ai4call producer checks in " + details.toPrettyString());
        return checks.get(0);
    }

    /** The value of the property in the first property source that has it (the one in force). */
    private static String propertyValue(JsonNode env, String name) {
        for (JsonNode source : env.path("propertySources")) {
            JsonNode property = source.path("properties").path(name);
            if (!property.isMissingNode()) {
                return property.path("value").asText();
            }
        }
        throw new AssertionError(name + " is not in /actuator/env");
    }

    private static JsonNode findBean(JsonNode configprops, String prefix) {
        for (JsonNode context : configprops.path("contexts")) {
            for (Map.Entry<String, JsonNode> bean : context.path("beans").properties()) {
                if (prefix.equals(bean.getValue().path("prefix").asText())) {
                    return bean.getValue();
                }
            }
        }
        throw new AssertionError("no @ConfigurationProperties bean with prefix " + prefix + " in /actuator/configprops");
    }
}
