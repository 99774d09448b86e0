package io.github.camelai4call.component;

import java.io.InputStream;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import io.github.camelai4call.component.dsl.Ai4callEndpointBuilderFactory.Ai4callBuilders;
import io.github.camelai4call.model.AssistantPage;
import io.github.camelai4call.model.OutboundCallResponse;
import io.github.camelai4call.simulator.DemoData;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The component as Java endpoint-DSL, YAML and XML users and their tools see it. */
class DslAndToolingTest extends Ai4callTestSupport {

    @Test
    void typeSafeEndpointDsl() throws Exception {
        class Routes extends RouteBuilder implements Ai4callBuilders {
            @Override
            public void configure() {
                from("direct:dsl-call").to(ai4call("outboundCall").assistantApiKey(DemoData.DEMO_ASSISTANT_SALES)
                        .outputType(Ai4callOutputType.model).advanced().maxRetries(0));
                from("direct:dsl-list").setHeader(ai4call().ai4callLimit(), constant(1)).to(ai4call("listAssistants"));
            }
        }
        context.addRoutes(new Routes());
        OutboundCallResponse call = template.requestBody("direct:dsl-call", Map.of("to", "+390810000001"),
                OutboundCallResponse.class);
        assertEquals(DemoData.DEMO_ASSISTANT_SALES, call.getAssistantApiKey());
        assertEquals(1, template.requestBody("direct:dsl-list", null, AssistantPage.class).getItems().size());
    }

    @Test
    void yamlAndXmlRoutes() throws Exception {
        for (String route : new String[] { "routes/outbound-call.camel.yaml", "routes/list-assistants.camel.xml" }) {
            Resource resource = ResourceHelper.resolveMandatoryResource(context, "classpath:" + route);
            PluginHelper.getRoutesLoader(context).loadRoutes(resource);
        }
        Map<?, ?> call = template.requestBody("direct:yaml-call", "{\"to\":\"+390810000003\",\"metadata\":{\"lead_id\":\"Y-1\"}}",
                Map.class);
        assertEquals("queued", call.get("status"));
        String json = template.requestBody("direct:xml-list", null, String.class);
        assertTrue(json.contains(DemoData.DEMO_ASSISTANT_SALES), json);
    }

    @Test
    void simpleReadsTheTypedAnswerWithoutChangingIt() throws Exception {
        Resource resource = ResourceHelper.resolveMandatoryResource(context, "classpath:routes/call-id-in-simple.camel.yaml");
        PluginHelper.getRoutesLoader(context).loadRoutes(resource);
        Exchange out = template.request("direct:yaml-call-id", e -> e.getMessage().setBody(Map.of("to", "+390810000004")));
        OutboundCallResponse call = out.getMessage().getBody(OutboundCallResponse.class);
        // ${body.callId} is the getter: the header holds the id and the answer keeps it
        assertTrue(call.getCallId().startsWith("call_"), call.getCallId());
        assertEquals(call.getCallId(), out.getMessage().getHeader("callId"));
        assertEquals("queued", out.getMessage().getHeader("callStatus", String.class));
    }

    @Test
    void filesPickedUpByTheFileComponentAreUploadedByName(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Files.writeString(dir.resolve("returns-policy.md"), "Returns are accepted within 30 days.");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + dir + "?noop=true").to("ai4call:uploadRagDocument?collectionName=kb-files");
            }
        });
        io.github.camelai4call.model.RagDocumentPage docs = null;
        for (int i = 0; i < 100 && (docs == null || docs.getItems().isEmpty()); i++) {
            Thread.sleep(50);
            try {
                docs = template.requestBodyAndHeader("direct:listRagDocuments", null, Ai4callConstants.COLLECTION_NAME,
                        "kb-files", io.github.camelai4call.model.RagDocumentPage.class);
            } catch (org.apache.camel.CamelExecutionException notYet) {
                // the collection exists once the first document is uploaded
            }
        }
        assertEquals("returns-policy.md", docs.getItems().get(0).getFileName());
        assertEquals(36L, docs.getItems().get(0).getSizeBytes());
    }

    @Test
    void descriptorListsEveryOperationAndMarksSecrets() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/camelai4call/component/ai4call.json")) {
            JsonNode json = new ObjectMapper().readTree(in);
            // every operation, then the callbacks and the MCP tool (consumers only)
            assertEquals(Ai4callOperation.values().length + Ai4callCallback.values().length + 1,
                    json.at("/properties/operation/enum").size());
            assertEquals("mcpTool", json.at("/properties/operation/enum").get(json.at("/properties/operation/enum").size() - 1).asText());
            for (String mcpOption : new String[] { "toolName", "description", "inputSchema", "mcpPath" }) {
                assertEquals("consumer,mcp", json.at("/properties/" + mcpOption + "/label").asText(), mcpOption);
            }
            for (Ai4callOperation op : Ai4callOperation.values()) {
                assertEquals(op.name(), json.at("/properties/operation/enum/" + op.ordinal()).asText());
            }
            assertEquals(55, Ai4callOperation.values().length);
            assertTrue(json.at("/properties/webhookSecret/secret").asBoolean());
            assertTrue(json.at("/componentProperties/webhookSecret/secret").asBoolean());
            assertTrue(json.at("/properties/portalApiKey/secret").asBoolean());
            assertTrue(json.at("/properties/assistantApiKey/secret").asBoolean());
            assertTrue(json.at("/componentProperties/portalApiKey/secret").asBoolean());
            assertTrue(json.at("/headers/CamelAi4callPortalApiKey/secret").asBoolean());
            assertEquals("https://client-api.ai4call.com", json.at("/properties/baseUrl/defaultValue").asText());
        }
        assertNotNull(getClass().getResource("/META-INF/services/org/apache/camel/configurer/ai4call-endpoint"));
        assertNotNull(getClass().getResource("/META-INF/services/org/apache/camel/urifactory/ai4call-endpoint"));
        assertNotNull(getClass().getResource("/META-INF/jandex.idx"));
    }

    @Test
    void readinessCheckSeesTheService() throws Exception {
        HealthCheckHelper.getHealthCheckRepository(context, "producers").setEnabled(true);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:health-probe").to("ai4call:listAssistants");
            }
        });
        var results = HealthCheckHelper.invokeReadiness(context);
        var ai4call = results.stream().filter(r -> r.getCheck().getId().startsWith("producer:ai4call-")).toList();
        assertTrue(!ai4call.isEmpty(), "ai4call producers register readiness checks: " + results);
        ai4call.forEach(r -> assertEquals(HealthCheck.State.UP, r.getState(), r.getMessage().orElse("")));
    }
}
