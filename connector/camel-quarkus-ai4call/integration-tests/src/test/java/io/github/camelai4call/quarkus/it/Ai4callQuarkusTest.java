package io.github.camelai4call.quarkus.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.github.camelai4call.component.Ai4callComponent;
import io.github.camelai4call.component.Ai4callConstants;
import io.github.camelai4call.model.Assistant;
import io.quarkus.test.junit.QuarkusTest;

/** JVM mode, everything through the dev service: producers, the feed consumer, health, configuration. */
@QuarkusTest
class Ai4callQuarkusTest {

    static final String SALES = "ast_demo_sales_01";

    @Inject
    ProducerTemplate template;
    @Inject
    CamelContext context;
    @Inject
    Ai4callRoutes routes;
    @ConfigProperty(name = "quarkus.camel.ai4call.base-url")
    String baseUrl;

    @Test
    void devServiceConfiguredTheComponent() {
        assertTrue(baseUrl.startsWith("http://127.0.0.1:"), baseUrl);
        assertEquals(baseUrl, context.getComponent("ai4call", Ai4callComponent.class).getConfiguration().getBaseUrl());
    }

    @Test
    @SuppressWarnings("unchecked")
    void listAssistants() {
        Map<String, Object> page = template.requestBody("direct:listAssistants", null, Map.class);
        assertTrue(page.toString().contains(SALES), page.toString());
    }

    @Test
    void getAssistantAsModel() {
        Object body = template.requestBodyAndHeader("direct:getAssistant", null,
                Ai4callConstants.ASSISTANT_API_KEY, SALES);
        Assistant assistant = assertInstanceOf(Assistant.class, body);
        assertNotNull(assistant.getName());
    }

    @Test
    void outboundCall() {
        Object call = template.requestBody("direct:outboundCall",
                "{\"assistantApiKey\":\"" + SALES + "\",\"to\":\"+390810000001\",\"metadata\":{\"lead_id\":\"q1\"}}");
        assertNotNull(call);
        assertTrue(String.valueOf(call).contains("+390810000001") || String.valueOf(call).toLowerCase().contains("call"),
                String.valueOf(call));
    }

    @Test
    void feedConsumerDelivers() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<Object> records = routes.feedRecords();
        while (records.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(!records.isEmpty(), "the analyticsCallsOutbound consumer delivered no record within 30 s");
    }

    @Test
    void producerReadinessInSmallRyeHealth() {
        // Camel's own view: the component's producer checks, UP against the simulator's GET /health
        HealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(context, "producers");
        assertTrue(repository.isEnabled(), "camel.health.producers-enabled=true");
        List<HealthCheck.Result> producers = repository.stream()
                .filter(c -> c.getId().startsWith("producer:ai4call-")).map(HealthCheck::call).toList();
        assertEquals(3, producers.size(), "one producer:ai4call-... readiness check per ai4call: producer");
        producers.forEach(r -> assertEquals(HealthCheck.State.UP, r.getState(), r.getCheck().getId()));
        // what quarkus-smallrye-health shows: the extension's own readiness check (camel-quarkus-microprofile-health
        // is not served on Camel Quarkus 3.33), UP, with the state of each producer check as its data
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'ai4call-producers' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'ai4call-producers' }.data.size()", equalTo(3));
    }
}
