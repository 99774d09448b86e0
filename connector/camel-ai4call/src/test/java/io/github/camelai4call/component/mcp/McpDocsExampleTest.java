package io.github.camelai4call.component.mcp;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.main.Main;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.camelai4call.component.callback.WebhookSignature;
import io.github.camelai4call.model.PreCallOptions;
import io.github.camelai4call.simulator.Ai4callSimulatorExtension;
import io.github.camelai4call.simulator.DemoData;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example of docs/mcp.md as the page shows it: {@link CrmToolRoutes} on Camel Main with its HTTP server
 * (camel-platform-http-main) and the page's properties; the MCP server answers a signed client, and the assistant's
 * pre-call MCP configuration in the simulator points at it.
 */
class McpDocsExampleTest {

    @RegisterExtension
    static final Ai4callSimulatorExtension SIMULATOR = new Ai4callSimulatorExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "whsec_docs_example_0123456789";

    @Test
    void theExampleServesItsToolAndRegistersTheServer() throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        Main main = new Main();
        main.configure().addRoutesBuilder(new CrmToolRoutes());
        // the page's application.properties
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", String.valueOf(port));
        main.addInitialProperty("camel.component.ai4call.email", DemoData.DEMO_EMAIL);
        main.addInitialProperty("camel.component.ai4call.portal-api-key", DemoData.DEMO_PORTAL_API_KEY);
        main.addInitialProperty("camel.component.ai4call.webhook-secret", SECRET);
        main.addInitialProperty("ai4call.assistant", DemoData.DEMO_ASSISTANT_SALES);
        main.addInitialProperty("app.public-url", "https://crm.example.com");
        main.addInitialProperty("camel.component.ai4call.base-url", SIMULATOR.baseUrl());
        main.start();
        McpSyncClient client = null;
        try {
            WebhookSignature signature = new WebhookSignature(SECRET, Duration.ofMinutes(5));
            client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
                    .endpoint("/ai4call/mcp")
                    .jsonMapper(new JacksonMcpJsonMapper(JSON))
                    .httpRequestCustomizer((builder, method, uri, body, context) -> {
                        String timestamp = String.valueOf(Instant.now().getEpochSecond());
                        builder.header("X-Ai4call-Timestamp", timestamp).header("X-Ai4call-Signature",
                                signature.sign(timestamp, (body == null ? "" : body).getBytes(StandardCharsets.UTF_8)));
                    })
                    .build())
                    .jsonSchemaValidator(new ToolArgumentsValidator(JSON))
                    .requestTimeout(Duration.ofSeconds(20))
                    .build();
            client.initialize();
            McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("crm_lookup",
                    Map.of("number", "+393331234567", "metadata", Map.of("lead_id", "L-1"))));
            assertFalse(result.isError());
            JsonNode answer = JSON.readTree(((McpSchema.TextContent) result.content().get(0)).text());
            assertEquals("Ada Lovelace", answer.path("customer").asText());
            assertEquals("+393331234567", answer.path("number").asText());

            PreCallOptions options = main.getCamelContext().createProducerTemplate().requestBody(
                    "ai4call:listPreCallOptions?assistantApiKey=" + DemoData.DEMO_ASSISTANT_SALES, null, PreCallOptions.class);
            long deadline = System.currentTimeMillis() + 10_000;
            while (options.getMcpConfig() == null || options.getMcpConfig().getServerUrl() == null) {
                assertTrue(System.currentTimeMillis() < deadline, "updateMcpConfig was not sent");
                Thread.sleep(100);
                options = main.getCamelContext().createProducerTemplate().requestBody(
                        "ai4call:listPreCallOptions?assistantApiKey=" + DemoData.DEMO_ASSISTANT_SALES, null, PreCallOptions.class);
            }
            assertEquals("https://crm.example.com/ai4call/mcp", String.valueOf(options.getMcpConfig().getServerUrl()));
            assertEquals(java.util.List.of("crm_lookup"), options.getMcpConfig().getTools());
        } finally {
            if (client != null) {
                client.closeGracefully();
            }
            main.stop();
        }
    }

    @Test
    void thePageShowsTheExampleAsTested() throws Exception {
        Path source = Paths.get("src/test/java/io/github/camelai4call/component/mcp/CrmToolRoutes.java");
        String code = Files.readString(source);
        String snippet = code.substring(code.indexOf("// docs:begin") + "// docs:begin".length() + 1, code.indexOf("        // docs:end"))
                .lines().map(line -> line.startsWith("        ") ? line.substring(8) : line)
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        String page = Files.readString(Paths.get(System.getProperty("committed.docs.dir", "../../docs"), "mcp.md"));
        assertTrue(page.contains(snippet),
                "docs/mcp.md must show CrmToolRoutes' routes as they are (between // docs:begin and // docs:end):\n"
                                                       + snippet);
    }

}
