package io.github.camelai4call.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pre-call MCP check of the platform ({@code McpConfig}): before a call, connect to the assistant's MCP server
 * as a client (the official MCP Java SDK over Streamable HTTP), list its tools and call each one the configuration
 * names, with the arguments {@code {number, metadata}}. Every HTTP request carries the callback signature headers
 * (event {@value #EVENT}, a delivery id of its own). Each tool called is one {@code mcp} delivery in the log; the
 * check as a whole is a record of the pre-call feed (check mcp-config, result passed or error).
 */
final class McpPreCall {

    private static final Logger LOG = LoggerFactory.getLogger(McpPreCall.class);

    /** The X-Ai4call-Event of the pre-call MCP requests. */
    static final String EVENT = "mcp";

    private final CallbackDeliveries log;
    private final CallbackSender sender;
    private final Duration timeout;

    McpPreCall(CallbackDeliveries log, CallbackSender sender, Duration timeout) {
        this.log = log;
        this.sender = sender;
        this.timeout = timeout;
    }

    /** Runs the check for one call; whether every named tool answered without error. */
    boolean run(CustomerState customer, String assistantApiKey, String callId, ObjectNode config, String number,
                Map<String, Object> metadata) {
        String serverUrl = Json.text(config, "serverUrl");
        URI uri = URI.create(serverUrl);
        String base = uri.getScheme() + "://" + uri.getRawAuthority();
        String endpoint = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(base).endpoint(endpoint)
                .jsonMapper(McpJson.MAPPER)
                .clientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)))
                .httpRequestCustomizer((request, method, target, body, context) -> WebhookSigner.headers(customer.webhookSecret, EVENT,
                        sender.newDeliveryId(), body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8), false)
                        .forEach(request::header))
                .build();
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("number", number);
        arguments.put("metadata", metadata);
        String argumentsJson = Json.MAPPER.valueToTree(arguments).toString();
        boolean passed = true;
        McpSyncClient client = McpClient.sync(transport).requestTimeout(timeout).initializationTimeout(timeout)
                .jsonSchemaValidator(McpJson.ACCEPT_ALL)
                .clientInfo(new McpSchema.Implementation("ai4call-simulator", "AI4CALL platform (simulated)", "1.0.0"))
                .build();
        try {
            client.initialize();
            Set<String> listed = new HashSet<>();
            for (McpSchema.Tool t : client.listTools().tools()) listed.add(t.name());
            for (JsonNode n : config.path("tools")) {
                String name = n.asText();
                CallbackDeliveries.Tracker t = log.start(sender.newDeliveryId(), EVENT, customer.email, assistantApiKey, callId, name,
                        serverUrl, argumentsJson);
                long t0 = System.nanoTime();
                if (!listed.contains(name)) {
                    t.attempt(new CallbackDelivery.Attempt(1, null, "not among the server's tools " + listed, 0, false, false));
                    t.end(CallbackDelivery.Status.FAILED, null);
                    passed = false;
                    continue;
                }
                try {
                    McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest(name, arguments));
                    boolean error = Boolean.TRUE.equals(r.isError());
                    t.attempt(new CallbackDelivery.Attempt(1, 200, error ? "the tool answered isError" : null,
                            (System.nanoTime() - t0) / 1_000_000, false, false));
                    t.end(error ? CallbackDelivery.Status.REJECTED : CallbackDelivery.Status.DELIVERED, text(r));
                    passed &= !error;
                } catch (RuntimeException e) {
                    t.attempt(new CallbackDelivery.Attempt(1, null, String.valueOf(e.getMessage()), (System.nanoTime() - t0) / 1_000_000,
                            false, false));
                    t.end(CallbackDelivery.Status.FAILED, null);
                    passed = false;
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("Pre-call MCP of {} on {} failed: {}", callId, serverUrl, e.toString());
            CallbackDeliveries.Tracker t = log.start(sender.newDeliveryId(), EVENT, customer.email, assistantApiKey, callId, null,
                    serverUrl, argumentsJson);
            t.attempt(new CallbackDelivery.Attempt(1, null, String.valueOf(e.getMessage()), 0, false, false));
            t.end(CallbackDelivery.Status.FAILED, null);
            passed = false;
        } finally {
            try {
                client.closeGracefully();
            } catch (RuntimeException e) {
                LOG.debug("Closing the MCP client of {}: {}", callId, e.toString());
            }
        }
        return passed;
    }

    /** The text of a tool's result: its text contents, one per line. */
    private static String text(McpSchema.CallToolResult r) {
        StringBuilder sb = new StringBuilder();
        List<McpSchema.Content> content = r.content() == null ? List.of() : r.content();
        for (McpSchema.Content c : content) {
            if (c instanceof McpSchema.TextContent tc) {
                if (sb.length() > 0) sb.append('\n');
                sb.append(tc.text());
            }
        }
        return sb.toString();
    }
}
