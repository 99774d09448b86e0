package io.github.camelai4call.component.mcp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.camelai4call.component.callback.WebhookSignature;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ai4call:mcpTool through the MCP Java SDK's own client (Streamable HTTP), signing as the platform does. */
class McpJavaClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WebhookSignature SIGNATURE = new WebhookSignature(McpTestServer.SECRET, Duration.ofMinutes(5));

    private static McpTestServer server;
    private static McpSyncClient client;

    @BeforeAll
    static void start() throws Exception {
        server = new McpTestServer();
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder("http://127.0.0.1:" + server.port)
                .endpoint(McpToolOptions.DEFAULT_PATH)
                .jsonMapper(new JacksonMcpJsonMapper(JSON))
                .httpRequestCustomizer((builder, method, uri, body, context) -> {
                    String timestamp = String.valueOf(Instant.now().getEpochSecond());
                    builder.header("X-Ai4call-Timestamp", timestamp);
                    builder.header("X-Ai4call-Signature",
                            SIGNATURE.sign(timestamp, (body == null ? "" : body).getBytes(StandardCharsets.UTF_8)));
                })
                .build();
        client = McpClient.sync(transport)
                .jsonSchemaValidator(new ToolArgumentsValidator(JSON))
                .requestTimeout(Duration.ofSeconds(20))
                .build();
        client.initialize();
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.closeGracefully();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void listsEachRouteAsAToolWithItsNameDescriptionAndSchema() {
        List<McpSchema.Tool> tools = client.listTools().tools();
        Map<String, McpSchema.Tool> byName = new java.util.TreeMap<>();
        tools.forEach(t -> byName.put(t.name(), t));
        assertEquals(List.of("book_appointment", "crm_down", "crm_lookup"), List.copyOf(byName.keySet()));
        McpSchema.Tool lookup = byName.get("crm_lookup");
        assertEquals("Looks up a customer by phone number", lookup.description());
        assertEquals("object", lookup.inputSchema().get("type"));
        assertEquals(List.of("number"), lookup.inputSchema().get("required"));
        assertTrue(((Map<?, ?>) lookup.inputSchema().get("properties")).containsKey("metadata"));
        assertEquals(List.of("number", "day"), byName.get("book_appointment").inputSchema().get("required"));
        assertEquals("camel-ai4call", client.getServerInfo().name());
    }

    @Test
    void aCallGetsTheRoutesMapAsJsonText() throws Exception {
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("crm_lookup",
                Map.of("number", "+393331234567", "metadata", Map.of("lead_id", "L-42"))));
        assertFalse(result.isError());
        JsonNode answer = JSON.readTree(((McpSchema.TextContent) result.content().get(0)).text());
        assertEquals("Ada Lovelace", answer.path("name").asText());
        assertEquals("+393331234567", answer.path("number").asText());
        assertEquals("crm_lookup", answer.path("tool").asText());
        assertEquals("L-42", answer.path("leadId").asText());
    }

    @Test
    void aStringResultIsTheTextAsItIs() {
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("book_appointment",
                Map.of("number", "+393331234567", "day", "2026-12-03")));
        assertFalse(result.isError());
        assertEquals("Booked 2026-12-03 for +393331234567", ((McpSchema.TextContent) result.content().get(0)).text());
    }

    @Test
    void aFailingRouteGivesAToolErrorWithoutStackTrace() {
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("crm_down", Map.of("number", "+39333")));
        assertTrue(result.isError());
        String text = ((McpSchema.TextContent) result.content().get(0)).text();
        assertEquals("The tool crm_down failed: IllegalStateException: the CRM is down", text);
    }

    @Test
    void argumentsOutsideTheSchemaAreRefusedBeforeTheRoute() {
        int before = server.routed.get();
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("book_appointment",
                Map.of("number", "+393331234567")));
        assertTrue(result.isError());
        assertTrue(((McpSchema.TextContent) result.content().get(0)).text().contains("day"),
                () -> "the error names the missing argument: " + result.content());
        assertEquals(before, server.routed.get());
    }

    @Test
    void unsignedOrWronglySignedRequestsGet403AndReachNoRoute() throws Exception {
        int before = server.routed.get();
        String call = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\","
                      + "\"params\":{\"name\":\"crm_lookup\",\"arguments\":{\"number\":\"+39333\",\"metadata\":{}}}}";
        String now = String.valueOf(Instant.now().getEpochSecond());
        String old = String.valueOf(Instant.now().minusSeconds(3600).getEpochSecond());
        byte[] bytes = call.getBytes(StandardCharsets.UTF_8);
        WebhookSignature other = new WebhookSignature("whsec_someone_else", Duration.ofMinutes(5));

        assertEquals(403, post(call, null, null).statusCode());
        assertEquals(403, post(call, now, other.sign(now, bytes)).statusCode());
        assertEquals(403, post(call, old, SIGNATURE.sign(old, bytes)).statusCode());
        assertEquals(403, post(call + " ", now, SIGNATURE.sign(now, bytes)).statusCode());
        assertEquals(before, server.routed.get());

        HttpResponse<String> signed = post(call, now, SIGNATURE.sign(now, bytes));
        assertEquals(200, signed.statusCode());
        assertTrue(signed.body().contains("Ada Lovelace"), signed.body());
        assertEquals(before + 1, server.routed.get());
        assertTrue(signed.headers().firstValue("X-Ai4call-Signature").isEmpty(), "request headers are not echoed back");
        assertTrue(signed.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }

    @Test
    void getAndDeleteAre405() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(server.url())).GET()
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
        HttpResponse<String> delete = http.send(HttpRequest.newBuilder(URI.create(server.url())).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, delete.statusCode());
    }

    @Test
    void aStoppedRouteIsNoLongerListed() throws Exception {
        server.context.getRouteController().stopRoute(server.context.getRoutes().get(1).getRouteId());
        try {
            List<String> names = client.listTools().tools().stream().map(McpSchema.Tool::name).sorted().toList();
            assertEquals(List.of("crm_down", "crm_lookup"), names);
        } finally {
            server.context.getRouteController().startRoute(server.context.getRoutes().get(1).getRouteId());
        }
        assertEquals(3, client.listTools().tools().size());
    }

    private static HttpResponse<String> post(String body, String timestamp, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url()))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (timestamp != null) {
            request.header("X-Ai4call-Timestamp", timestamp).header("X-Ai4call-Signature", signature);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertNull(response.headers().firstValue("X-Ai4call-Timestamp").orElse(null));
        return response;
    }
}
