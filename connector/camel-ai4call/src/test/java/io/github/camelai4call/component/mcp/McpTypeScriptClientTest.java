package io.github.camelai4call.component.mcp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * ai4call:mcpTool against an MCP client nobody here wrote: the official TypeScript SDK's client
 * ({@code @modelcontextprotocol/sdk} from npm, installed into target/ by this test) run with node, connecting over
 * Streamable HTTP and signing its requests as AI4CALL does ({@code src/test/resources/mcp/ts-client.mjs}).
 * Skipped, saying so, where node or npm is missing.
 */
class McpTypeScriptClientTest {

    /** The client's version, pinned so that a new release cannot change the test overnight. */
    static final String SDK = "@modelcontextprotocol/sdk@1.32.2";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DIR = Paths.get("target", "mcp-ts-client");

    private static McpTestServer server;

    @BeforeAll
    static void install() throws Exception {
        assumeTrue(runs("node", "--version") && runs("npm", "--version"),
                "SKIPPED: node and npm are needed for the MCP TypeScript SDK client test (install Node.js 18+); "
                                                                                  + "ai4call:mcpTool was NOT tested with an independent client");
        Files.createDirectories(DIR);
        Path installed = DIR.resolve("node_modules/@modelcontextprotocol/sdk/package.json");
        if (!Files.exists(installed) || !Files.readString(installed).contains("\"version\": \"" + SDK.substring(SDK.lastIndexOf('@') + 1) + "\"")) {
            Files.writeString(DIR.resolve("package.json"), "{\"name\":\"mcp-ts-client\",\"private\":true,\"type\":\"module\"}");
            Result npm = run(DIR, 300, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error", SDK);
            assumeTrue(npm.exit == 0, "SKIPPED: npm install " + SDK + " failed (no npm registry?): " + npm.output);
        }
        Files.copy(McpTypeScriptClientTest.class.getResourceAsStream("/mcp/ts-client.mjs"), DIR.resolve("ts-client.mjs"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        server = new McpTestServer();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void listsTheToolsAndCallsOne() throws Exception {
        Map<String, JsonNode> steps = client(McpTestServer.SECRET, "crm_lookup",
                "{\"number\":\"+393331234567\",\"metadata\":{\"lead_id\":\"L-7\"}}");

        assertEquals("camel-ai4call", steps.get("tools").path("server").path("name").asText());
        Map<String, JsonNode> tools = new TreeMap<>();
        steps.get("tools").path("tools").forEach(t -> tools.put(t.path("name").asText(), t));
        assertEquals(List.of("book_appointment", "crm_down", "crm_lookup"), List.copyOf(tools.keySet()));
        JsonNode lookup = tools.get("crm_lookup");
        assertEquals("Looks up a customer by phone number", lookup.path("description").asText());
        assertEquals("object", lookup.path("inputSchema").path("type").asText());
        assertEquals("string", lookup.path("inputSchema").path("properties").path("number").path("type").asText());
        assertEquals("object", lookup.path("inputSchema").path("properties").path("metadata").path("type").asText());
        assertEquals("day", tools.get("book_appointment").path("inputSchema").path("required").get(1).asText());

        JsonNode result = steps.get("call").path("result");
        assertFalse(result.path("isError").asBoolean());
        JsonNode answer = JSON.readTree(result.path("content").get(0).path("text").asText());
        assertEquals("Ada Lovelace", answer.path("name").asText());
        assertEquals("L-7", answer.path("leadId").asText());
    }

    @Test
    void aFailingRouteIsAToolErrorForTheClient() throws Exception {
        JsonNode result = client(McpTestServer.SECRET, "crm_down", "{\"number\":\"+39333\"}").get("call").path("result");
        assertTrue(result.path("isError").asBoolean());
        assertEquals("The tool crm_down failed: IllegalStateException: the CRM is down",
                result.path("content").get(0).path("text").asText());
    }

    @Test
    void aClientWithoutTheSecretIsRefused() throws Exception {
        int before = server.routed.get();
        Map<String, JsonNode> steps = client("whsec_wrong", "crm_lookup", "{\"number\":\"+39333\",\"metadata\":{}}");
        assertTrue(steps.containsKey("error"), steps::toString);
        assertEquals(403, steps.get("error").path("code").asInt(), steps::toString);
        assertTrue(steps.get("error").path("message").asText().contains("X-Ai4call-Signature"), steps::toString);
        assertEquals(before, server.routed.get());
    }

    private static Map<String, JsonNode> client(String secret, String tool, String arguments) throws Exception {
        Result run = run(DIR, 60, "node", "ts-client.mjs", server.url(), secret, tool, arguments);
        Map<String, JsonNode> steps = new TreeMap<>();
        for (String line : run.output.split("\n")) {
            if (line.startsWith("{")) {
                JsonNode node = JSON.readTree(line);
                steps.put(node.path("step").asText(), node);
            }
        }
        assertFalse(steps.isEmpty(), () -> "the client printed nothing: " + run.output);
        return steps;
    }

    private static boolean runs(String... command) {
        try {
            return run(Paths.get("."), 30, command).exit == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static Result run(Path dir, int seconds, String... command) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(command));
        Process process = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out after " + seconds + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return new Result(-1, "interrupted");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private record Result(int exit, String output) {
    }
}
